package club.bloom.tenancy.application;

import club.bloom.tenancy.domain.ProvisioningStep;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import club.bloom.tenancy.domain.TrustedIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Short transactions on the tenant registry used between provisioning steps, so that each step's
 * completion is durable before the next (slow, external) step starts.
 */
@ApplicationScoped
@Transactional
public class TenantRecords {
  @Inject TenantRegistry registry;
  @Inject Clock clock;

  public Tenant registerOrRename(
      TenantKind kind, Slug slug, String name, String locale, String timeZone) {
    Optional<Tenant> existing = registry.find(kind, slug);
    if (existing.isPresent()) {
      existing.get().rename(name, clock.instant());
      return existing.get();
    }
    Tenant tenant = Tenant.register(kind, slug, name, locale, timeZone, clock.instant());
    registry.add(tenant);
    return tenant;
  }

  public Optional<Tenant> find(TenantKind kind, Slug slug) {
    return registry.find(kind, slug);
  }

  /**
   * The tenant as committed now. Read in a transaction of its own: outside one, Liberty binds the
   * persistence context to the whole task (its local transaction containment), and a long task such
   * as a sign-up's provisioning would keep seeing the tenant as it first read it.
   */
  public Optional<Tenant> find(TenantId id) {
    return registry.find(id);
  }

  public List<Tenant> withSchemas() {
    return registry.withSchemas();
  }

  public java.util.Map<String, String> schemaRevisions() {
    return registry.schemaRevisions();
  }

  public void schemaMigrated(SchemaName schema, String revision, int changesets) {
    registry.schemaMigrated(schema, revision, changesets, clock.instant());
  }

  public Tenant completed(TenantId id, ProvisioningStep step) {
    Tenant tenant = registry.find(id).orElseThrow();
    tenant.completed(step, clock.instant());
    return tenant;
  }

  public Tenant identityCreated(TenantId id, String realm, String organization, String issuer) {
    Tenant tenant = registry.find(id).orElseThrow();
    if (realm != null) {
      tenant.assignRealm(realm);
    }
    if (organization != null) {
      tenant.assignOrganization(organization);
    }
    if (issuer != null) {
      registry.trust(new TrustedIssuer(issuer, id, realm, clock.instant()));
    }
    tenant.completed(ProvisioningStep.IDENTITY_CREATED, clock.instant());
    return tenant;
  }

  public void trustPlatformIssuer(String issuer, String realm) {
    registry.trust(new TrustedIssuer(issuer, null, realm, clock.instant()));
  }
}
