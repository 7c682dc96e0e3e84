package club.bloom.ingestion.domain;

import club.bloom.shared.domain.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A receipt as the partner submitted it (partner schema). Carries no personal data. */
@Entity
@Table(name = "receipt")
public class Receipt {
  @Id private UUID id;

  @Column(name = "receipt_number")
  private String receiptNumber;

  @Column(name = "club_id")
  private UUID clubId;

  @Column(name = "passport_code")
  private String passportCode;

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

  protected Receipt() {}

  public Receipt(
      UUID purchaseId,
      String receiptNumber,
      UUID clubId,
      String passportCode,
      Money amount,
      String categoryCode,
      Instant occurredAt,
      long pointsEarned,
      Instant recordedAt) {
    this(
        purchaseId,
        receiptNumber,
        clubId,
        passportCode,
        amount,
        categoryCode,
        occurredAt,
        pointsEarned,
        0,
        recordedAt);
  }

  /** A receipt paid partly with {@code pointsRedeemed} points; {@code amount} is the whole. */
  public Receipt(
      UUID purchaseId,
      String receiptNumber,
      UUID clubId,
      String passportCode,
      Money amount,
      String categoryCode,
      Instant occurredAt,
      long pointsEarned,
      long pointsRedeemed,
      Instant recordedAt) {
    if (pointsRedeemed < 0) {
      throw new IllegalArgumentException("redeemed points are never negative");
    }
    this.pointsRedeemed = pointsRedeemed;
    this.id = purchaseId;
    this.receiptNumber = receiptNumber;
    this.clubId = clubId;
    this.passportCode = passportCode;
    this.amount = amount.amount();
    this.currency = amount.currency();
    this.categoryCode = categoryCode;
    this.occurredAt = occurredAt;
    this.pointsEarned = pointsEarned;
    this.recordedAt = recordedAt;
  }

  public UUID id() {
    return id;
  }

  public String receiptNumber() {
    return receiptNumber;
  }

  public UUID clubId() {
    return clubId;
  }

  public String passportCode() {
    return passportCode;
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
}
