package club.bloom.access.domain;

import club.bloom.tenancy.domain.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * When and by whom a staff member of a tenant was invited (platform schema). Who holds which role
 * is the identity provider's (the login carries it); this record adds the invitation's history. It
 * holds no address: the list reads it from the identity provider.
 *
 * <p>An invitation of an address that already had a login is <b>pending</b> (ADR 0027): nothing is
 * granted until that login accepts it with the token mailed to the address (only its SHA-256 is
 * kept), signed in with its address verified and equal to the invited one (compared by a keyed
 * hash). It names the role to grant and expires; once accepted it is an ordinary record.
 */
@Entity
@Table(schema = "platform", name = "staff_invitation")
@IdClass(StaffInvitation.Key.class)
public class StaffInvitation {
  @Id
  @Column(name = "tenant_id")
  private UUID tenantId;

  @Id
  @Column(name = "user_id")
  private String userId;

  @Column(name = "invited_at")
  private Instant invitedAt;

  @Column(name = "invited_by")
  private String invitedBy;

  private String role;

  @Column(name = "token_sha256")
  private byte[] tokenSha256;

  @Column(name = "email_hash")
  private byte[] emailHash;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  protected StaffInvitation() {}

  public static StaffInvitation of(TenantId tenant, String userId, Instant at, String by) {
    StaffInvitation i = new StaffInvitation();
    i.tenantId = tenant.value();
    i.userId = userId;
    i.invitedAt = at;
    i.invitedBy = by;
    return i;
  }

  /**
   * A pending invitation of a login that existed before it: the role waits for the login to accept
   * with the mailed token.
   */
  public static StaffInvitation pending(
      TenantId tenant,
      String userId,
      String role,
      byte[] tokenSha256,
      byte[] emailHash,
      Instant at,
      Duration validity,
      String by) {
    StaffInvitation i = of(tenant, userId, at, by);
    i.makePending(role, tokenSha256, emailHash, at, validity);
    return i;
  }

  /** Invited again (after a removal): the newer invitation counts, granted at once. */
  public void renew(Instant at, String by) {
    invitedAt = at;
    invitedBy = by;
    role = null;
    tokenSha256 = null;
    emailHash = null;
    expiresAt = null;
    acceptedAt = null;
  }

  /** Invited again, pending: a new token (the previous one stops working), role and term. */
  public void renewPending(
      String role, byte[] tokenSha256, byte[] emailHash, Instant at, Duration validity, String by) {
    invitedAt = at;
    invitedBy = by;
    acceptedAt = null;
    makePending(role, tokenSha256, emailHash, at, validity);
  }

  private void makePending(
      String role, byte[] tokenSha256, byte[] emailHash, Instant at, Duration validity) {
    this.role = Objects.requireNonNull(role, "role");
    this.tokenSha256 = tokenSha256.clone();
    this.emailHash = emailHash.clone();
    this.expiresAt = at.plus(validity);
  }

  /** Waiting for its login to accept, and not expired at {@code now}. */
  public boolean pendingAt(Instant now) {
    return tokenSha256 != null && acceptedAt == null && now.isBefore(expiresAt);
  }

  /** A pending invitation (accepted or not, expired or not). */
  public boolean isPending() {
    return tokenSha256 != null && acceptedAt == null;
  }

  /**
   * The login {@code userId}, whose verified address has the keyed hash {@code emailHash}, accepts
   * the invitation now.
   *
   * @return false when it had already accepted it (nothing to do again)
   * @throws StaffInvitationRefused not this login's or not this address's (403), expired or already
   *     accepted (410)
   */
  public boolean accept(String userId, byte[] emailHash, Instant now) {
    if (tokenSha256 == null) {
      throw StaffInvitationRefused.used();
    }
    if (!this.userId.equals(userId)
        || !java.security.MessageDigest.isEqual(this.emailHash, emailHash)) {
      throw StaffInvitationRefused.otherLogin();
    }
    if (acceptedAt != null) {
      return false;
    }
    if (!now.isBefore(expiresAt)) {
      throw StaffInvitationRefused.expired();
    }
    acceptedAt = now;
    return true;
  }

  /** The role a pending invitation grants on acceptance. */
  public Optional<String> role() {
    return Optional.ofNullable(role);
  }

  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  public Optional<Instant> acceptedAt() {
    return Optional.ofNullable(acceptedAt);
  }

  public TenantId tenant() {
    return new TenantId(tenantId);
  }

  public String userId() {
    return userId;
  }

  public Instant invitedAt() {
    return invitedAt;
  }

  /** The inviter: a staff user's subject id, or {@code platform-operator}. */
  public String invitedBy() {
    return invitedBy;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private UUID tenantId;
    private String userId;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(tenantId, k.tenantId)
          && Objects.equals(userId, k.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, userId);
    }
  }
}
