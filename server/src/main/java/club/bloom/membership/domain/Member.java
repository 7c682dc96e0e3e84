package club.bloom.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Comparator;
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

  @Enumerated(EnumType.STRING)
  private MemberStatus status = MemberStatus.ACTIVE;

  // Nullable uuid columns are mapped as text (the JDBC driver passes them untyped).
  @Column(name = "merged_into")
  private String mergedInto;

  @Column(name = "merged_at")
  private Instant mergedAt;

  @Column(name = "likely_duplicate_of")
  private String likelyDuplicateOf;

  @Column(name = "likely_duplicate_by")
  private String likelyDuplicateBy;

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
    m.status = MemberStatus.ACTIVE;
    return m;
  }

  /**
   * A member enrolled by club staff whose address already had a login that Bloom did not create:
   * not bound to it (whoever made that login has not proved control of the address), awaiting the
   * claim of the link mailed to the address (ADR 0027).
   */
  public static Member enrolWithoutLogin(
      UUID id,
      PassportCode passport,
      byte[] sealedPersonalData,
      byte[] phoneIndex,
      byte[] emailIndex,
      Instant now) {
    Member m = new Member();
    m.id = id;
    m.passportCode = passport.value();
    m.personalData = sealedPersonalData.clone();
    m.phoneIndex = phoneIndex.clone();
    m.emailIndex = emailIndex.clone();
    m.enrolledAt = now;
    m.status = MemberStatus.AWAITING_CONFIRMATION;
    return m;
  }

  /**
   * A person who joined online with her login (verified address): a confirmed member at once. A
   * phone that is another member's is not indexed ({@code phoneIndex} null), and that member is
   * recorded as the likely duplicate, for the club's admin.
   */
  public static Member joinOnline(
      UUID id,
      String subject,
      PassportCode passport,
      byte[] sealedPersonalData,
      byte[] phoneIndex,
      byte[] emailIndex,
      Optional<UUID> samePhoneAs,
      Instant now) {
    Member m = new Member();
    m.id = id;
    m.subject = subject;
    m.passportCode = passport.value();
    m.personalData = sealedPersonalData.clone();
    m.phoneIndex = phoneIndex == null ? null : phoneIndex.clone();
    m.emailIndex = emailIndex.clone();
    m.enrolledAt = now;
    m.status = MemberStatus.ACTIVE;
    m.likelyDuplicateOf = samePhoneAs.map(UUID::toString).orElse(null);
    m.likelyDuplicateBy = samePhoneAs.isPresent() ? "PHONE" : null;
    return m;
  }

  /**
   * A member registered by a partner's cashier: no login yet, awaiting confirmation. {@code
   * emailIndex} is null when no e-mail was given or the e-mail is another member's ({@code
   * likelyDuplicateOf}).
   */
  public static Member registerAtCounter(
      UUID id,
      PassportCode passport,
      byte[] sealedPersonalData,
      byte[] phoneIndex,
      byte[] emailIndex,
      Optional<UUID> likelyDuplicateOf,
      Instant now) {
    Member m = new Member();
    m.id = id;
    m.passportCode = passport.value();
    m.personalData = sealedPersonalData.clone();
    m.phoneIndex = phoneIndex.clone();
    m.emailIndex = emailIndex == null ? null : emailIndex.clone();
    m.enrolledAt = now;
    m.status = MemberStatus.AWAITING_CONFIRMATION;
    m.likelyDuplicateOf = likelyDuplicateOf.map(UUID::toString).orElse(null);
    m.likelyDuplicateBy = likelyDuplicateOf.isPresent() ? "EMAIL" : null;
    return m;
  }

  public MemberStatus status() {
    return status;
  }

  /**
   * Refuses spending while the member has not confirmed a counter registration.
   *
   * @throws MemberNotConfirmed awaiting confirmation (409)
   */
  public void requireConfirmed() {
    if (status == MemberStatus.AWAITING_CONFIRMATION) {
      throw new MemberNotConfirmed();
    }
  }

  /**
   * A login claims this counter registration: the member becomes that login's, confirmed.
   *
   * @throws IllegalStateException the member is not awaiting confirmation
   */
  public void confirm(String loginSubject) {
    if (status != MemberStatus.AWAITING_CONFIRMATION || subject != null) {
      throw new IllegalStateException("the member is not awaiting confirmation");
    }
    subject = loginSubject;
    status = MemberStatus.ACTIVE;
  }

  /**
   * A login takes a confirmed member that has none (one confirmed by a merge with a member whose
   * login it keeps).
   */
  public void attachLogin(String loginSubject) {
    if (status != MemberStatus.ACTIVE || subject != null) {
      throw new IllegalStateException("the member cannot take a login");
    }
    subject = loginSubject;
  }

  /**
   * This member (the survivor) absorbs {@code other}, found to be the same person. Rules: two
   * distinct members, neither already merged; the survivor is confirmed if either was; the survivor
   * keeps the higher of the two tiers ({@code tierOrder} ranks tier codes), with the manual or
   * invitation terms it came with; the other is marked merged into the survivor and holds no tier.
   * The caller moves the history (purchases, ledger, tier changes) in the same transaction.
   *
   * @return the survivor's tier change, when it took the other's higher tier
   * @throws CannotMerge the same member, or one of them already merged
   */
  public Optional<TierMove> absorb(Member other, Comparator<String> tierOrder, Instant now) {
    if (other.id.equals(id)) {
      throw new CannotMerge("A member cannot be merged with itself");
    }
    if (status == MemberStatus.MERGED || other.status == MemberStatus.MERGED) {
      throw new CannotMerge(
          "Member "
              + (status == MemberStatus.MERGED ? id : other.id)
              + " has already been merged into another member");
    }
    if (other.status == MemberStatus.ACTIVE) {
      status = MemberStatus.ACTIVE;
    }
    Optional<TierMove> move = Optional.empty();
    if (other.tierCode != null
        && (tierCode == null || tierOrder.compare(other.tierCode, tierCode) > 0)) {
      move = Optional.of(new TierMove(tierCode, other.tierCode));
      tierCode = other.tierCode;
      manualTier = other.manualTier;
      manualUntil = other.manualUntil;
      belowTierSince = other.belowTierSince;
    }
    other.status = MemberStatus.MERGED;
    other.mergedInto = id.toString();
    other.mergedAt = now;
    other.tierCode = null;
    other.manualTier = null;
    other.manualUntil = null;
    other.belowTierSince = null;
    return move;
  }

  /** The member this one was merged into. */
  public Optional<UUID> mergedInto() {
    return Optional.ofNullable(mergedInto).map(UUID::fromString);
  }

  public Optional<Instant> mergedAt() {
    return Optional.ofNullable(mergedAt);
  }

  /**
   * Another member with the e-mail given when this one was registered at a counter, or with the
   * phone given when this one joined online.
   */
  public Optional<UUID> likelyDuplicateOf() {
    return Optional.ofNullable(likelyDuplicateOf).map(UUID::fromString);
  }

  /** What this member shares with {@link #likelyDuplicateOf}: {@code email} or {@code phone}. */
  public Optional<String> likelyDuplicateBy() {
    return Optional.ofNullable(likelyDuplicateBy).map(b -> b.toLowerCase(java.util.Locale.ROOT));
  }

  /** Whether the member's e-mail has this blind index (the address she was registered with). */
  public boolean hasEmailIndex(byte[] index) {
    return emailIndex != null
        && index != null
        && java.security.MessageDigest.isEqual(emailIndex, index);
  }

  /** A tier change: from (none when null) to. */
  public record TierMove(String from, String to) {}

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

  public Instant enrolledAt() {
    return enrolledAt;
  }

  public byte[] sealedPersonalData() {
    return personalData.clone();
  }
}
