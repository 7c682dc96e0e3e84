package club.bloom.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Points granted together (club schema): how many, how many are left, from when they can be spent
 * and until when. Only {@link MemberPoints} changes what is left, always with a posting.
 */
@Entity
@Table(name = "point_lot")
public class PointLot {
  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  private String currency;
  private long granted;
  private long remaining;

  @Column(name = "available_at")
  private Instant availableAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "origin_entry")
  private UUID originEntry;

  // Nullable uuid-like references kept as text (EclipseLink 4.0 and NULL uuids, ADR 0003).
  @Column(name = "purchase_id")
  private String purchaseId;

  @Column(name = "partner_id")
  private String partnerId;

  @Column(name = "created_at")
  private Instant createdAt;

  protected PointLot() {}

  PointLot(
      UUID memberId,
      String currency,
      long points,
      Instant availableAt,
      Instant expiresAt,
      UUID originEntry,
      String purchaseId,
      String partnerId,
      Instant now) {
    this.id = UUID.randomUUID();
    this.memberId = memberId;
    this.currency = currency;
    this.granted = points;
    this.remaining = points;
    this.availableAt = availableAt;
    this.expiresAt = expiresAt;
    this.originEntry = originEntry;
    this.purchaseId = purchaseId;
    this.partnerId = partnerId;
    this.createdAt = now;
  }

  /** Takes up to {@code points} from what is left; returns how many were taken. */
  long take(long points) {
    long taken = Math.min(points, remaining);
    remaining -= taken;
    return taken;
  }

  public boolean isActiveAt(Instant now) {
    return !availableAt.isAfter(now) && !isExpiredAt(now);
  }

  public boolean isPendingAt(Instant now) {
    return availableAt.isAfter(now) && !isExpiredAt(now);
  }

  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }

  public UUID id() {
    return id;
  }

  public UUID memberId() {
    return memberId;
  }

  public String currency() {
    return currency;
  }

  public long granted() {
    return granted;
  }

  public long remaining() {
    return remaining;
  }

  public Instant availableAt() {
    return availableAt;
  }

  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  public Optional<String> purchaseId() {
    return Optional.ofNullable(purchaseId);
  }

  public Optional<String> partnerId() {
    return Optional.ofNullable(partnerId);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public UUID originEntry() {
    return originEntry;
  }
}
