package club.bloom.tenancy.application;

import club.bloom.tenancy.domain.IdentityDirectory;
import club.bloom.tenancy.domain.IdentityDirectory.NewUser;
import club.bloom.tenancy.domain.ProvisioningStep;
import club.bloom.tenancy.domain.SchemaMigrator;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantSchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Provisioning of clubs and partners. Every step is idempotent and every run performs all of them,
 * so running it twice, or again after a crash or a Keycloak outage midway, ends in the same state;
 * the tenant's {@link ProvisioningStep} shows how far the last run got. Not transactional itself:
 * schema migration must run outside a JTA transaction and Keycloak is not transactional.
 */
@ApplicationScoped
public class TenantProvisioning {

  @Inject TenantRecords records;
  @Inject SchemaMigrator migrator;
  @Inject IdentityDirectory identities;
  @Inject Event<TenantSchemaReady> schemaReady;

  /** Provision (or re-provision) a club: schema, realm, trusted issuer, admin user. */
  public Tenant provisionClub(ProvisionClub command) {
    Tenant tenant =
        register(
            TenantKind.CLUB, command.slug(), command.name(), command.locale(), command.timeZone());
    migrator.migrate(TenantKind.CLUB, tenant.schema());
    schemaReady.fire(new TenantSchemaReady(tenant.id(), TenantKind.CLUB, tenant.schema()));
    tenant = records.completed(tenant.id(), ProvisioningStep.SCHEMA_MIGRATED);

    String realm = "club-" + command.slug().value();
    String issuer = identities.ensureClubRealm(realm, command.name(), tenant.locale());
    tenant = records.identityCreated(tenant.id(), realm, null, issuer);

    identities.ensureUser(
        realm,
        new NewUser(
            command.adminEmail(),
            command.adminEmail(),
            "Club",
            "Admin",
            command.adminPassword(),
            Set.of("club-owner", "club-admin"),
            command.adminPassword().isPresent() ? List.of() : List.of("UPDATE_PASSWORD")));
    records.completed(tenant.id(), ProvisioningStep.ADMIN_CREATED);
    return records.completed(tenant.id(), ProvisioningStep.DONE);
  }

  /** Provision (or re-provision) a partner business: schema and organization. */
  public Tenant provisionPartner(ProvisionPartner command) {
    Tenant tenant = register(TenantKind.PARTNER, command.slug(), command.name(), null, null);
    migrator.migrate(TenantKind.PARTNER, tenant.schema());
    schemaReady.fire(new TenantSchemaReady(tenant.id(), TenantKind.PARTNER, tenant.schema()));
    tenant = records.completed(tenant.id(), ProvisioningStep.SCHEMA_MIGRATED);

    String organization =
        identities.ensureOrganization("partner-" + command.slug().value(), command.name());
    tenant = records.identityCreated(tenant.id(), null, organization, null);
    records.completed(tenant.id(), ProvisioningStep.ADMIN_CREATED);
    return records.completed(tenant.id(), ProvisioningStep.DONE);
  }

  private Tenant register(TenantKind kind, Slug slug, String name, String locale, String timeZone) {
    try {
      return records.registerOrRename(kind, slug, name, locale, timeZone);
    } catch (RuntimeException e) {
      // A concurrent run registered the same slug first: continue with its record.
      if (isRollback(e)) {
        Optional<Tenant> winner = records.find(kind, slug);
        if (winner.isPresent()) {
          return winner.get();
        }
      }
      throw e;
    }
  }

  private static boolean isRollback(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RollbackException || t instanceof jakarta.persistence.PersistenceException) {
        return true;
      }
    }
    return false;
  }

  /** Command: provision a club. */
  public record ProvisionClub(
      Slug slug,
      String name,
      String locale,
      String timeZone,
      String adminEmail,
      Optional<String> adminPassword) {}

  /** Command: provision a partner. */
  public record ProvisionPartner(Slug slug, String name) {}
}
