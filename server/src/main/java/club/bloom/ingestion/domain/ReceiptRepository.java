package club.bloom.ingestion.domain;

import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.SchemaName;
import java.util.List;

/** Receipts of one partner schema. */
public interface ReceiptRepository {
  boolean exists(SchemaName partner, String receiptNumber);

  void add(SchemaName partner, Receipt receipt);

  java.util.Optional<Receipt> findByNumber(SchemaName partner, String receiptNumber);

  /**
   * The receipt, under a row lock held until the transaction ends: refunds of one receipt run one
   * at a time, each seeing what the previous ones refunded.
   */
  java.util.Optional<Receipt> lockByNumber(SchemaName partner, String receiptNumber);

  boolean refundExists(SchemaName partner, String refundNumber);

  void addRefund(SchemaName partner, ReceiptRefund refund);

  List<Receipt> page(SchemaName partner, PageCursor after, int limit);
}
