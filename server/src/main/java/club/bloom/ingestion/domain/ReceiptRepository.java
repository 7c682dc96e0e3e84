package club.bloom.ingestion.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.List;

/** Receipts of one partner schema. */
public interface ReceiptRepository {
  boolean exists(SchemaName partner, String receiptNumber);

  void add(SchemaName partner, Receipt receipt);

  List<Receipt> page(SchemaName partner, PageCursor after, int limit);
}
