package club.bloom.ingestion.domain;

import club.bloom.shared.domain.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A refund of a purchase as the club sees it (club schema), with the points it took back. */
@Entity
@Table(name = "purchase_refund")
public class PurchaseRefund {
  @Id private UUID id;

  @Column(name = "purchase_id")
  private UUID purchaseId;

  private BigDecimal amount;

  @Column(name = "points_reversed")
  private long pointsReversed;

  @Column(name = "points_returned")
  private long pointsReturned;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected PurchaseRefund() {}

  public PurchaseRefund(
      UUID id,
      UUID purchaseId,
      Money amount,
      long pointsReversed,
      long pointsReturned,
      Instant occurredAt,
      Instant now) {
    this.pointsReturned = pointsReturned;
    this.id = id;
    this.purchaseId = purchaseId;
    this.amount = amount.amount();
    this.pointsReversed = pointsReversed;
    this.occurredAt = occurredAt;
    this.recordedAt = now;
  }

  public long pointsReversed() {
    return pointsReversed;
  }

  public UUID id() {
    return id;
  }

  public UUID purchaseId() {
    return purchaseId;
  }

  public long pointsReturned() {
    return pointsReturned;
  }
}
