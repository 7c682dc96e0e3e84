package club.bloom.access.domain;

import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import java.util.Optional;
import java.util.Set;

/**
 * The verified caller of one request: a person (JWT of a trusted realm), a machine (API key, or the
 * platform realm's service account) or a login whose address is not verified, which holds no roles.
 * The tenant comes only from the verified credential: the issuer's allow-list entry or the key's
 * record. Platform operators have no tenant. {@code person} is present only for a login whose
 * e-mail address is verified.
 */
public record Caller(
    Credential credential,
    String subject,
    Optional<TenantId> tenant,
    Optional<TenantKind> tenantKind,
    Set<String> roles,
    Optional<VerifiedPerson> person) {

  /** How the caller proved who it is. */
  public enum Credential {
    /** A person's login (verified or not: see {@link #person}). */
    JWT,
    API_KEY,
    /** A machine client's token (client credentials) of the platform realm. */
    SERVICE_ACCOUNT
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  public boolean isOperator() {
    return tenant.isEmpty() && roles.contains(Roles.PLATFORM_OPERATOR);
  }

  public boolean belongsTo(TenantId other) {
    return tenant.map(other::equals).orElse(false);
  }

  /** A person's login whose e-mail address is not verified: no roles, no membership. */
  public boolean isUnverifiedLogin() {
    return credential == Credential.JWT && person.isEmpty();
  }

  /**
   * The verified person behind the login.
   *
   * @throws EmailNotVerified the login is a person's whose address is not verified, or not a
   *     person's at all
   */
  public VerifiedPerson verifiedPerson() {
    return person.orElseThrow(EmailNotVerified::new);
  }
}
