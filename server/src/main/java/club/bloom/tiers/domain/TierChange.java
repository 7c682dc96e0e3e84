package club.bloom.tiers.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change of a member's tier, kept as history (club schema). */
@Entity
@Table(name = "tier_change")
public class TierChange {
  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "from_tier")
  private String fromTier;

  @Column(name = "to_tier")
  private String toTier;

  private String reason;

  @Column(name = "changed_at")
  private Instant changedAt;

  protected TierChange() {}

  public TierChange(UUID memberId, String fromTier, String toTier, String reason, Instant at) {
    this.id = UUID.randomUUID();
    this.memberId = memberId;
    this.fromTier = fromTier;
    this.toTier = toTier;
    this.reason = reason;
    this.changedAt = at;
  }

  public UUID id() {
    return id;
  }

  public UUID memberId() {
    return memberId;
  }

  public java.util.Optional<String> fromTier() {
    return java.util.Optional.ofNullable(fromTier);
  }

  public String toTier() {
    return toTier;
  }

  public String reason() {
    return reason;
  }

  public Instant changedAt() {
    return changedAt;
  }
}
