package club.bloom.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * A member of one club (club schema). Holds the passport code, the current tier and the personal
 * data only as ciphertext with blind indexes. Enrolled once; the tier changes through {@link
 * #promote}, {@link #assignManually} and the invitation-only grants ({@link #grantInvitation},
 * {@link #revokeInvitation}).
 */
@Entity
@Table(name = "member")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA)
public class Member {
  @Id private UUID id;

  private String subject;

  @Column(name = "passport_code")
  private String passportCode;

  @Column(name = "tier_code")
  private String tierCode;

  @Column(name = "personal_data")
  private byte[] personalData;

  @Column(name = "phone_index")
  private byte[] phoneIndex;

  @Column(name = "email_index")
  private byte[] emailIndex;

  @Column(name = "enrolled_at")
  private Instant enrolledAt;

  @Column(name = "manual_tier")
  private String manualTier;

  @Column(name = "manual_until")
  private Instant manualUntil;

  @Column(name = "below_tier_since")
  private Instant belowTierSince;

  @Version private long version;

  protected Member() {}

  public static Member enrol(
      UUID id,
      String subject,
      PassportCode passport,
      byte[] sealedPersonalData,
      byte[] phoneIndex,
      byte[] emailIndex,
      Instant now) {
    Member m = new Member();
    m.id = id;
    m.subject = subject;
    m.passportCode = passport.value();
    m.personalData = sealedPersonalData.clone();
    m.phoneIndex = phoneIndex.clone();
    m.emailIndex = emailIndex.clone();
    m.enrolledAt = now;
    return m;
  }

  /** Moves the member to another tier; returns the previous one. */
  public Optional<String> promote(String tier) {
    Optional<String> previous = tier();
    tierCode = tier;
    return previous;
  }

  /** Sets the tier by hand until a date; the tier is then not re-evaluated before that date. */
  public Optional<String> assignManually(String tier, Instant until) {
    manualTier = tier;
    manualUntil = until;
    belowTierSince = null;
    return promote(tier);
  }

  /**
   * Grants an invitation-only tier the member accepted: until a date (a manual tier, re-evaluated
   * after it), or with no end date (kept until revoked). Returns the previous tier.
   */
  public Optional<String> grantInvitation(String tier, Optional<Instant> until) {
    manualTier = until.isPresent() ? tier : null;
    manualUntil = until.orElse(null);
    belowTierSince = null;
    return promote(tier);
  }

  /**
   * Takes a revoked invitation-only tier back: the member moves at once to {@code to} (what spend
   * qualifies for, or no tier). Returns the previous tier.
   */
  public Optional<String> revokeInvitation(String tier, Optional<String> to) {
    if (tier.equals(manualTier)) {
      manualTier = null;
      manualUntil = null;
    }
    belowTierSince = null;
    return promote(to.orElse(null));
  }

  /** A manually assigned tier whose end date has passed (the member may still hold it). */
  public Optional<String> endedManualTier(Instant now) {
    return manualTier != null && manualUntil != null && !manualUntil.isAfter(now)
        ? Optional.of(manualTier)
        : Optional.empty();
  }

  /** The manually assigned tier, while its end date has not passed. */
  public Optional<String> manualTier(Instant now) {
    return manualTier != null && manualUntil != null && manualUntil.isAfter(now)
        ? Optional.of(manualTier)
        : Optional.empty();
  }

  public Optional<Instant> manualUntil() {
    return Optional.ofNullable(manualUntil);
  }

  /** Since when the member no longer meets the held tier (the grace period runs from then). */
  public Optional<Instant> belowTierSince() {
    return Optional.ofNullable(belowTierSince);
  }

  /** Records the re-evaluation's view: below the held tier since a time, or meeting it (empty). */
  public void belowTier(Optional<Instant> since) {
    belowTierSince = since.orElse(null);
  }

  public UUID id() {
    return id;
  }

  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  public PassportCode passport() {
    return new PassportCode(passportCode);
  }

  public Optional<String> tier() {
    return Optional.ofNullable(tierCode);
  }

  public byte[] sealedPersonalData() {
    return personalData.clone();
  }
}
