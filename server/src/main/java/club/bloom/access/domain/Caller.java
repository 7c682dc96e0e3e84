package club.bloom.access.domain;

import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import java.util.Optional;
import java.util.Set;

/**
 * The verified caller of one request: a member or staff user (JWT of a trusted realm) or a machine
 * (API key). The tenant comes only from the verified credential: the issuer's allow-list entry or
 * the key's record. Platform operators have no tenant.
 */
public record Caller(
    Credential credential,
    String subject,
    Optional<TenantId> tenant,
    Optional<TenantKind> tenantKind,
    Set<String> roles) {

  /** How the caller proved who it is. */
  public enum Credential {
    JWT,
    API_KEY
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
}
