package club.bloom.ingestion.domain;

import club.bloom.shared.domain.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/** The member-facing fact of a purchase at a partner (club schema). Immutable once recorded. */
@Entity
@Table(name = "purchase")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA)
public class Purchase {
  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "partner_id")
  private UUID partnerId;

  @Column(name = "receipt_number")
  private String receiptNumber;

  private BigDecimal amount;
  private String currency;

  @Column(name = "category_code")
  private String categoryCode;

  @Column(name = "occurred_at")
  private Instant occurredAt;

  @Column(name = "points_earned")
  private long pointsEarned;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  @Column(name = "points_redeemed")
  private long pointsRedeemed;

  @Column(name = "redeemed_currency")
  private String redeemedCurrency = "points";

  /**
   * Kept by the database: a trigger adds every {@code purchase_refund} row to it, and a check keeps
   * it within the amount (ADR 0034). Never written from here, so that two transactions can never
   * overwrite each other's total.
   */
  @Column(name = "refunded_amount", insertable = false, updatable = false)
  private BigDecimal refundedAmount = BigDecimal.ZERO;

  protected Purchase() {}

  public Purchase(
      UUID id,
      UUID memberId,
      UUID partnerId,
      String receiptNumber,
      Money amount,
      String categoryCode,
      Instant occurredAt,
      long pointsEarned,
      Instant recordedAt) {
    this(
        id,
        memberId,
        partnerId,
        receiptNumber,
        amount,
        categoryCode,
        occurredAt,
        pointsEarned,
        0,
        "points",
        recordedAt);
  }

  /**
   * A purchase paid partly with {@code pointsRedeemed} points of {@code redeemedCurrency}; {@code
   * amount} is the whole.
   */
  public Purchase(
      UUID id,
      UUID memberId,
      UUID partnerId,
      String receiptNumber,
      Money amount,
      String categoryCode,
      Instant occurredAt,
      long pointsEarned,
      long pointsRedeemed,
      String redeemedCurrency,
      Instant recordedAt) {
    if (pointsRedeemed < 0) {
      throw new IllegalArgumentException("redeemed points are never negative");
    }
    this.pointsRedeemed = pointsRedeemed;
    this.redeemedCurrency = java.util.Objects.requireNonNull(redeemedCurrency);
    this.id = id;
    this.memberId = memberId;
    this.partnerId = partnerId;
    this.receiptNumber = receiptNumber;
    this.amount = amount.amount();
    this.currency = amount.currency();
    this.categoryCode = categoryCode;
    this.occurredAt = occurredAt;
    this.pointsEarned = pointsEarned;
    this.recordedAt = recordedAt;
  }

  /**
   * Records a refund of part or all of what is left of the purchase; refuses more than that.
   *
   * @return the share of the purchase refunded so far, after this refund
   */
  public Money refund(Money refund) {
    Money left = refundable();
    if (!refund.isPositive() || refund.compareTo(left) > 0) {
      throw new club.bloom.shared.domain.InvalidInput(
          java.util.List.of(
              new club.bloom.shared.domain.FieldProblem(
                  "amount.amount",
                  "must be more than 0 and at most what is left to refund: " + left.plain())));
    }
    refundedAmount = refundedAmount.add(refund.amount());
    return refunded();
  }

  public Money refundable() {
    return amount().minus(refunded());
  }

  public Money refunded() {
    return new Money(refundedAmount, currency);
  }

  public UUID memberId() {
    return memberId;
  }

  public UUID id() {
    return id;
  }

  public UUID partnerId() {
    return partnerId;
  }

  public Money amount() {
    return new Money(amount, currency);
  }

  public String categoryCode() {
    return categoryCode;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public long pointsEarned() {
    return pointsEarned;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  /** Points of the member that paid part of the receipt; the amount is the whole receipt. */
  public long pointsRedeemed() {
    return pointsRedeemed;
  }

  /** The currency of {@link #pointsRedeemed()}. */
  public String redeemedCurrency() {
    return redeemedCurrency;
  }
}
