package club.bloom.ingestion.domain;

import club.bloom.shared.domain.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A refund as the partner reported it against one of its receipts (partner schema). */
@Entity
@Table(name = "receipt_refund")
public class ReceiptRefund {
  @Id private UUID id;

  @Column(name = "receipt_id")
  private UUID receiptId;

  @Column(name = "refund_number")
  private String refundNumber;

  private BigDecimal amount;

  @Column(name = "points_reversed")
  private long pointsReversed;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected ReceiptRefund() {}

  public ReceiptRefund(
      UUID id,
      UUID receiptId,
      String refundNumber,
      Money amount,
      long pointsReversed,
      Instant occurredAt,
      Instant now) {
    this.id = id;
    this.receiptId = receiptId;
    this.refundNumber = refundNumber;
    this.amount = amount.amount();
    this.pointsReversed = pointsReversed;
    this.occurredAt = occurredAt;
    this.recordedAt = now;
  }
}
