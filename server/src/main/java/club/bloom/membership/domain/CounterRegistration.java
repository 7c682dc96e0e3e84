package club.bloom.membership.domain;

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
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * A member registered at a partner's counter, or enrolled by staff or found at an online joining
 * while no login of hers could be trusted, and the link she confirms it with (club schema; see
 * {@link RegistrationOrigin}). The link's token is kept only as its SHA-256; the link is single use
 * and expires. Claimed once by one login: the same login claiming again is told it is done, any
 * other is refused.
 */
@Entity
@Table(name = "counter_registration")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA)
public class CounterRegistration {
  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  // A nullable uuid column mapped as text (the JDBC driver passes nulls untyped). Counter only.
  @Column(name = "partner_id")
  private String partnerId;

  @Enumerated(EnumType.STRING)
  private RegistrationOrigin origin = RegistrationOrigin.COUNTER;

  @Column(name = "token_sha256")
  private byte[] tokenSha256;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "claimed_at")
  private Instant claimedAt;

  @Column(name = "claimed_by")
  private String claimedBy;

  @Version private long version;

  protected CounterRegistration() {}

  /** A link issued at a partner's counter. */
  public static CounterRegistration issue(
      UUID id, UUID memberId, UUID partnerId, byte[] tokenSha256, Instant now, Duration validity) {
    CounterRegistration r =
        issue(id, memberId, RegistrationOrigin.COUNTER, tokenSha256, now, validity);
    r.partnerId = partnerId.toString();
    return r;
  }

  /** A link mailed to a member's address (not a counter's: no partner). */
  public static CounterRegistration mailed(
      UUID id,
      UUID memberId,
      RegistrationOrigin origin,
      byte[] tokenSha256,
      Instant now,
      Duration validity) {
    if (origin == RegistrationOrigin.COUNTER) {
      throw new IllegalArgumentException("a counter's link names its partner");
    }
    return issue(id, memberId, origin, tokenSha256, now, validity);
  }

  private static CounterRegistration issue(
      UUID id,
      UUID memberId,
      RegistrationOrigin origin,
      byte[] tokenSha256,
      Instant now,
      Duration validity) {
    CounterRegistration r = new CounterRegistration();
    r.id = id;
    r.memberId = memberId;
    r.origin = origin;
    r.tokenSha256 = tokenSha256.clone();
    r.createdAt = now;
    r.expiresAt = now.plus(validity);
    return r;
  }

  /**
   * The login {@code subject} claims the registration now.
   *
   * @return false when this login had already claimed it (nothing to do again)
   * @throws club.bloom.shared.domain.BloomException {@code registration-link-used} (claimed by
   *     another login) or {@code registration-link-expired} (410)
   */
  public boolean claim(String subject, Instant now) {
    if (claimedBy != null) {
      if (claimedBy.equals(subject)) {
        return false;
      }
      throw RegistrationLinkInvalid.used();
    }
    if (!now.isBefore(expiresAt)) {
      throw RegistrationLinkInvalid.expired();
    }
    claimedBy = subject;
    claimedAt = now;
    return true;
  }

  public UUID id() {
    return id;
  }

  public UUID memberId() {
    return memberId;
  }

  /** The partner whose cashier registered the member (counter links only). */
  public Optional<UUID> partnerId() {
    return Optional.ofNullable(partnerId).map(UUID::fromString);
  }

  public RegistrationOrigin origin() {
    return origin;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<Instant> claimedAt() {
    return Optional.ofNullable(claimedAt);
  }
}
