package club.bloom.tenancy.domain;

import java.util.List;
import java.util.Optional;

/** The platform's list of tenants and trusted issuers. */
public interface TenantRegistry {
  Optional<Tenant> find(TenantKind kind, Slug slug);

  Optional<Tenant> find(TenantId id);

  List<Tenant> findAll(List<TenantId> ids);

  /** Active tenants of a kind. */
  List<Tenant> active(TenantKind kind);

  void add(Tenant tenant);

  Optional<TrustedIssuer> trustedIssuer(String issuer);

  void trust(TrustedIssuer issuer);
}
