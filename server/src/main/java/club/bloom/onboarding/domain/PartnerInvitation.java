package club.bloom.onboarding.domain;

import club.bloom.shared.domain.Conflict;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A club's invitation of a partner business (platform schema): the categories the partner will
 * report, and a single-use code of which only the hash is kept.
 *
 * <p>Lifecycle: {@code PENDING} until its expiry (then {@code EXPIRED}, computed on read); a
 * partner's owner or admin redeems it ({@code REDEEMED}: the partnership is active); the club may
 * revoke a pending or expired one ({@code REVOKED}). Redeeming twice by the same partner, or
 * revoking twice, changes nothing; every other move from a closed state is refused.
 */
@Entity
@Table(schema = "platform", name = "partner_invitation")
public class PartnerInvitation {
  /** How long a code works unless the club says otherwise. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);

  /** The longest a code may work. */
  public static final Duration LONGEST_VALIDITY = Duration.ofDays(90);

  @Id private UUID id;

  @Column(name = "club_id")
  private UUID clubId;

  private String categories;

  @Column(name = "code_hash")
  private byte[] codeHash;

  @Column(name = "code_hint")
  private String codeHint;

  @Column(name = "sent_to_masked")
  private String sentToMasked;

  private String note;

  @Enumerated(EnumType.STRING)
  private PartnerInvitationStatus status;

  @Column(name = "invited_by")
  private String invitedBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "redeemed_by")
  private String redeemedBy;

  @Column(name = "redeemed_at")
  private Instant redeemedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Version private long version;

  protected PartnerInvitation() {}

  /** A new invitation with this code; {@code sentToMasked} when it is mailed. */
  public static PartnerInvitation issue(
      UUID clubId,
      Set<String> categories,
      InvitationCode code,
      Optional<String> sentToMasked,
      Optional<String> note,
      String invitedBy,
      Instant now,
      Duration validity) {
    if (categories.isEmpty()) {
      throw new IllegalArgumentException("an invitation needs at least one category");
    }
    if (validity.isNegative() || validity.isZero() || validity.compareTo(LONGEST_VALIDITY) > 0) {
      throw new IllegalArgumentException("validity out of range: " + validity);
    }
    PartnerInvitation i = new PartnerInvitation();
    i.id = UUID.randomUUID();
    i.clubId = clubId;
    i.categories = String.join(",", new TreeSet<>(categories));
    i.codeHash = code.hash();
    i.codeHint = code.hint();
    i.sentToMasked = sentToMasked.orElse(null);
    i.note = note.orElse(null);
    i.status = PartnerInvitationStatus.PENDING;
    i.invitedBy = invitedBy;
    i.createdAt = Stored.time(now);
    i.expiresAt = Stored.time(now.plus(validity));
    return i;
  }

  /** The status as of {@code now}: a pending invitation past its expiry is expired. */
  public PartnerInvitationStatus statusAt(Instant now) {
    if (status == PartnerInvitationStatus.PENDING && !now.isBefore(expiresAt)) {
      return PartnerInvitationStatus.EXPIRED;
    }
    return status;
  }

  /**
   * A partner redeems the code. Returns true when this makes the partnership now, false when the
   * same partner had redeemed it already (a retry).
   *
   * @throws InvitationCodeRefused expired or revoked (410), redeemed by another partner (409)
   */
  public boolean redeem(UUID partnerId, Instant now) {
    switch (statusAt(now)) {
      case PENDING -> {
        status = PartnerInvitationStatus.REDEEMED;
        redeemedBy = partnerId.toString();
        redeemedAt = Stored.time(now);
        return true;
      }
      case REDEEMED -> {
        if (partnerId.toString().equals(redeemedBy)) {
          return false;
        }
        throw InvitationCodeRefused.used();
      }
      case REVOKED -> throw InvitationCodeRefused.revoked();
      case EXPIRED -> throw InvitationCodeRefused.expired();
      default -> throw new IllegalStateException(status.name());
    }
  }

  /**
   * The club takes the invitation back. Returns false when it was revoked already.
   *
   * @throws Conflict {@code invitation-redeemed} once a partner has redeemed it (end the
   *     partnership instead)
   */
  public boolean revoke(Instant now) {
    if (status == PartnerInvitationStatus.REVOKED) {
      return false;
    }
    if (status == PartnerInvitationStatus.REDEEMED) {
      throw new Conflict(
          "invitation-redeemed",
          "Invitation already redeemed",
          "A partner has redeemed this invitation; end the partnership instead");
    }
    status = PartnerInvitationStatus.REVOKED;
    revokedAt = Stored.time(now);
    return true;
  }

  public UUID id() {
    return id;
  }

  public UUID clubId() {
    return clubId;
  }

  public Set<String> categories() {
    return new LinkedHashSet<>(Arrays.asList(categories.split(",")));
  }

  public String codeHint() {
    return codeHint;
  }

  public Optional<String> sentToMasked() {
    return Optional.ofNullable(sentToMasked);
  }

  public Optional<String> note() {
    return Optional.ofNullable(note);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<UUID> redeemedBy() {
    return Optional.ofNullable(redeemedBy).map(UUID::fromString);
  }

  public Optional<Instant> redeemedAt() {
    return Optional.ofNullable(redeemedAt);
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }
}
