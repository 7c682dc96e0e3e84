package club.bloom.tenancy.application;

import club.bloom.tenancy.domain.IdentityDirectory;
import club.bloom.tenancy.domain.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings the platform up at start-up: migrates the platform schema, brings every tenant schema to
 * the release's changelog ({@link TenantSchemaUpgrade}), ensures the platform realm and trusts its
 * issuer. Runs in the background and retries (Keycloak may start later than Liberty); readiness
 * reports DOWN until it has succeeded.
 */
@ApplicationScoped
public class PlatformBootstrap {
  private static final Logger LOG = Logger.getLogger(PlatformBootstrap.class.getName());

  @Inject SchemaMigrator migrator;
  @Inject IdentityDirectory identities;
  @Inject TenantRecords records;
  @Inject TenantSchemaUpgrade upgrade;

  @Inject
  @ConfigProperty(name = "bloom.keycloak.platform-realm", defaultValue = "bloom-platform")
  String platformRealm;

  @Resource ManagedScheduledExecutorService executor;

  private volatile boolean ready;
  private volatile String lastProblem = "not started";
  private volatile boolean schemaMigrated;
  private volatile boolean tenantsUpgraded;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    executor.execute(this::attempt);
  }

  private void attempt() {
    try {
      if (!schemaMigrated) {
        migrator.migratePlatform();
        schemaMigrated = true;
      }
      if (!tenantsUpgraded) {
        lastProblem = "upgrading tenant schemas";
        TenantSchemaUpgrade.Outcome outcome = upgrade.run();
        tenantsUpgraded = true;
        LOG.info(
            "tenant schemas at the release's changelog: "
                + outcome.schemas()
                + " ("
                + outcome.migrated()
                + " migrated now)");
      }
      String issuer = identities.ensurePlatformRealm();
      records.trustPlatformIssuer(issuer, platformRealm);
      ready = true;
      lastProblem = null;
      LOG.info("Bloom platform ready; platform realm issuer " + issuer);
    } catch (RuntimeException e) {
      lastProblem = e.getMessage();
      LOG.log(Level.WARNING, "platform bootstrap failed, retrying in 3 s: " + e.getMessage());
      executor.schedule(this::attempt, 3, TimeUnit.SECONDS);
    }
  }

  public boolean isReady() {
    return ready;
  }

  /**
   * Whether the platform schema is at the release's changelog: enough for work that touches only
   * {@code platform} (the outbox's dispatcher), which need not wait for tenant schemas or Keycloak.
   */
  public boolean isPlatformMigrated() {
    return schemaMigrated;
  }

  public String lastProblem() {
    return schemaMigrated && !tenantsUpgraded
        ? lastProblem + "; " + upgrade.progress()
        : lastProblem;
  }
}
