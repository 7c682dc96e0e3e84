package club.bloom.community.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An invitation of one member to an invitation-only tier (club schema).
 *
 * <p>Lifecycle: issued {@code PENDING} until its expiry; the member accepts ({@code ACCEPTED}: the
 * tier is granted) or declines ({@code DECLINED}); past the expiry a pending invitation is {@code
 * EXPIRED} and can no longer be answered. The owner may revoke a pending invitation (withdrawn) or
 * an accepted one (the tier is taken back): {@code REVOKED}. Answering twice the same way, or
 * revoking twice, changes nothing; any other move from a closed state is refused. A member has at
 * most one open (pending or accepted) invitation per tier.
 */
@Entity
@Table(name = "invitation")
public class Invitation {
  /** How long an invitation waits for an answer unless the owner says otherwise. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);

  /** The longest an invitation may wait. */
  public static final Duration LONGEST_VALIDITY = Duration.ofDays(90);

  /** What a revocation did. */
  public enum Revocation {
    /** A pending invitation was withdrawn; the member held nothing yet. */
    WITHDRAWN,
    /** An accepted invitation was revoked: the tier must be taken back. */
    GRANT_REVOKED,
    /** It was revoked before. */
    ALREADY_REVOKED
  }

  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "tier_code")
  private String tierCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "invited_via")
  private InvitedVia invitedVia;

  @Column(name = "invited_by")
  private String invitedBy;

  @Enumerated(EnumType.STRING)
  private InvitationStatus status;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "grant_until")
  private Instant grantUntil;

  @Column(name = "responded_at")
  private Instant respondedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Version private long version;

  protected Invitation() {}

  public static Invitation issue(
      UUID memberId,
      String tierCode,
      InvitedVia via,
      String invitedBy,
      Instant now,
      Duration validity,
      Optional<Instant> grantUntil) {
    if (validity.isNegative() || validity.isZero() || validity.compareTo(LONGEST_VALIDITY) > 0) {
      throw new IllegalArgumentException("validity out of range: " + validity);
    }
    Invitation i = new Invitation();
    i.id = UUID.randomUUID();
    i.memberId = memberId;
    i.tierCode = tierCode;
    i.invitedVia = via;
    i.invitedBy = invitedBy;
    i.status = InvitationStatus.PENDING;
    i.createdAt = now;
    i.expiresAt = now.plus(validity);
    i.grantUntil = grantUntil.orElse(null);
    return i;
  }

  /** The status as of {@code now}: a pending invitation past its expiry is expired. */
  public InvitationStatus statusAt(Instant now) {
    if (status == InvitationStatus.PENDING && !now.isBefore(expiresAt)) {
      return InvitationStatus.EXPIRED;
    }
    return status;
  }

  /**
   * The member accepts. Returns true when this grants the tier now, false when it was already
   * accepted.
   *
   * @throws InvitationClosed declined, revoked or expired
   */
  public boolean accept(Instant now) {
    InvitationStatus s = statusAt(now);
    if (s == InvitationStatus.ACCEPTED) {
      return false;
    }
    if (s != InvitationStatus.PENDING) {
      throw new InvitationClosed(s, "accepted");
    }
    status = InvitationStatus.ACCEPTED;
    respondedAt = now;
    return true;
  }

  /**
   * The member declines. Returns false when it was already declined.
   *
   * @throws InvitationClosed accepted, revoked or expired
   */
  public boolean decline(Instant now) {
    InvitationStatus s = statusAt(now);
    if (s == InvitationStatus.DECLINED) {
      return false;
    }
    if (s != InvitationStatus.PENDING) {
      throw new InvitationClosed(s, "declined");
    }
    status = InvitationStatus.DECLINED;
    respondedAt = now;
    return true;
  }

  /**
   * The owner revokes a pending or accepted invitation.
   *
   * @throws InvitationClosed declined or expired: there is nothing to revoke
   */
  public Revocation revoke(Instant now) {
    InvitationStatus s = statusAt(now);
    switch (s) {
      case REVOKED:
        return Revocation.ALREADY_REVOKED;
      case PENDING:
        status = InvitationStatus.REVOKED;
        revokedAt = now;
        return Revocation.WITHDRAWN;
      case ACCEPTED:
        status = InvitationStatus.REVOKED;
        revokedAt = now;
        return Revocation.GRANT_REVOKED;
      default:
        throw new InvitationClosed(s, "revoked");
    }
  }

  /** Stores the expiry of a pending invitation past its date (so that a new one may be issued). */
  public void closeIfExpired(Instant now) {
    if (statusAt(now) == InvitationStatus.EXPIRED) {
      status = InvitationStatus.EXPIRED;
    }
  }

  public UUID id() {
    return id;
  }

  public UUID memberId() {
    return memberId;
  }

  public String tierCode() {
    return tierCode;
  }

  public InvitedVia invitedVia() {
    return invitedVia;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<Instant> grantUntil() {
    return Optional.ofNullable(grantUntil);
  }

  public Optional<Instant> respondedAt() {
    return Optional.ofNullable(respondedAt);
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }
}
