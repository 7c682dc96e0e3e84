package club.bloom.tenancy.application;

import club.bloom.tenancy.domain.IdentityDirectory;
import club.bloom.tenancy.domain.IdentityDirectory.EnsuredUser;
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
import java.util.logging.Logger;

/**
 * Provisioning of clubs and partners. Every step is idempotent and every run performs all of them,
 * so running it twice, or again after a crash or a Keycloak outage midway, ends in the same state;
 * the tenant's {@link ProvisioningStep} shows how far the last run got. Not transactional itself:
 * schema migration must run outside a JTA transaction and Keycloak is not transactional.
 */
@ApplicationScoped
public class TenantProvisioning {
  private static final Logger LOG = Logger.getLogger(TenantProvisioning.class.getName());

  @Inject TenantRecords records;
  @Inject SchemaMigrator migrator;
  @Inject IdentityDirectory identities;
  @Inject Event<TenantSchemaReady> schemaReady;

  /** Provision (or re-provision) a club: schema, realm, trusted issuer, admin user. */
  public Tenant provisionClub(ProvisionClub command) {
    Tenant tenant =
        register(
            TenantKind.CLUB, command.slug(), command.name(), command.locale(), command.timeZone());
    tenant = migrateSchema(tenant);
    tenant = ensureIdentity(tenant);
    String realm = tenant.realm().orElseThrow();

    Set<String> adminRoles = Set.of("club-owner", "club-admin");
    EnsuredUser admin =
        identities.ensureUser(
            realm,
            new NewUser(
                command.adminEmail(),
                command.adminEmail(),
                "Club",
                "Admin",
                command.adminPassword(),
                adminRoles,
                command.adminPassword().isPresent() ? List.of() : List.of("UPDATE_PASSWORD")));
    grantToExistingIfVerified(realm, admin, adminRoles);
    records.completed(tenant.id(), ProvisioningStep.ADMIN_CREATED);
    return records.completed(tenant.id(), ProvisioningStep.DONE);
  }

  /** Provision (or re-provision) a partner business: schema and organization. */
  public Tenant provisionPartner(ProvisionPartner command) {
    Tenant tenant = register(TenantKind.PARTNER, command.slug(), command.name(), null, null);
    tenant = migrateSchema(tenant);
    tenant = ensureIdentity(tenant);
    records.completed(tenant.id(), ProvisioningStep.ADMIN_CREATED);
    return finish(tenant);
  }

  /**
   * Step: creates the tenant's schema and brings it to the latest migration (idempotent), then lets
   * the tenant's contexts set up their own parts (e.g. the club's data key).
   */
  public Tenant migrateSchema(Tenant tenant) {
    migrator.migrate(tenant.kind(), tenant.schema());
    records.schemaMigrated(
        tenant.schema(),
        migrator.revision(tenant.kind()),
        migrator.expectedChangesets(tenant.kind()).size());
    schemaReady.fire(new TenantSchemaReady(tenant.id(), tenant.kind(), tenant.schema()));
    return records.completed(tenant.id(), ProvisioningStep.SCHEMA_MIGRATED);
  }

  /** Step: the club's realm (and its trusted issuer), or the partner's organization. */
  public Tenant ensureIdentity(Tenant tenant) {
    if (tenant.kind() == TenantKind.CLUB) {
      String realm = "club-" + tenant.slug().value();
      String issuer = identities.ensureClubRealm(realm, tenant.name(), tenant.locale());
      return records.identityCreated(tenant.id(), realm, null, issuer);
    }
    String organization =
        identities.ensureOrganization(Tenant.organizationAlias(tenant.slug()), tenant.name());
    return records.identityCreated(tenant.id(), null, organization, null);
  }

  /**
   * Step: the tenant's first administrator, without a password: the identity provider e-mails a
   * link to set one, which then leads to {@code consoleUrl}. A club's admin is the club's owner in
   * its realm; a partner's is its owner in the platform realm, member of its organization.
   */
  public Tenant inviteAdmin(Tenant tenant, String email, String consoleUrl) {
    boolean club = tenant.kind() == TenantKind.CLUB;
    String realm = club ? tenant.realm().orElseThrow() : identities.platformRealm();
    Set<String> roles =
        club ? Set.of("club-owner", "club-admin") : Set.of("partner-owner", "partner-admin");
    EnsuredUser admin =
        identities.ensureUser(
            realm,
            new NewUser(
                email,
                email,
                club ? "Club" : "Partner",
                "Admin",
                Optional.empty(),
                roles,
                List.of("UPDATE_PASSWORD")));
    boolean granted = grantToExistingIfVerified(realm, admin, roles);
    if (!club && granted) {
      identities.ensureOrganizationMember(tenant.organizationId().orElseThrow(), admin.id());
    }
    // The link verifies the address of whoever opens it (Keycloak marks it verified): a login
    // someone else registered with the applicant's address, unverified, is taken over by the
    // applicant here; running provisioning again then grants the roles.
    identities.sendSetPasswordMail(realm, admin.id(), consoleUrl);
    return records.completed(tenant.id(), ProvisioningStep.ADMIN_CREATED);
  }

  /**
   * The tenant's first admin may already have a login (a retry of this step, or a person with an
   * account in the platform realm): it gets the admin roles only when its address is verified. A
   * login someone registered with that address without verifying it gets nothing (ADR 0027).
   *
   * @return whether the login holds the roles now
   */
  private boolean grantToExistingIfVerified(String realm, EnsuredUser user, Set<String> roles) {
    if (user.created()) {
      return true;
    }
    boolean verified =
        identities.findUser(realm, user.id(), roles).map(u -> u.emailVerified()).orElse(false);
    if (!verified) {
      LOG.warning(
          "an unverified login already held the address of a new tenant's admin in "
              + realm
              + ": no roles granted until the address is verified");
      return false;
    }
    identities.grantRealmRoles(realm, user.id(), roles);
    return true;
  }

  /** Step: the tenant is ready and active. */
  public Tenant finish(Tenant tenant) {
    return records.completed(tenant.id(), ProvisioningStep.DONE);
  }

  /** Step: the tenant's record (idempotent: a second run finds it and keeps its name current). */
  public Tenant register(TenantKind kind, Slug slug, String name, String locale, String timeZone) {
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
