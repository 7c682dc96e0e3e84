package club.bloom.tenancy.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.tenancy.domain.ProvisioningStep;
import club.bloom.tenancy.domain.SchemaMigrator;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantSchemaUpgradeTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final Set<String> CLUB = Set.of("club-1::bloom", "club-2::bloom");
  private static final Set<String> PARTNER = Set.of("partner-1::bloom");

  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final FakeMigrator migrator = new FakeMigrator();
  private final FakeRecords records = new FakeRecords();
  private final TenantSchemaUpgrade upgrade = new TenantSchemaUpgrade();

  TenantSchemaUpgradeTest() {
    upgrade.migrator = migrator;
    upgrade.records = records;
    upgrade.workers = 3;
    upgrade.executor =
        (ManagedExecutorService)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class},
                (proxy, method, args) -> {
                  try {
                    return method.invoke(threads, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  private Tenant tenant(TenantKind kind, String slug, Set<String> applied) {
    Tenant t = Tenant.register(kind, new Slug(slug), slug, "ru", "Europe/Moscow", NOW);
    t.completed(ProvisioningStep.SCHEMA_MIGRATED, NOW);
    records.tenants.add(t);
    migrator.applied.put(t.schema().value(), Set.copyOf(applied));
    return t;
  }

  @Test
  void onlySchemasBehindTheReleaseAreMigratedAndTheirRevisionRecorded() {
    Tenant current = tenant(TenantKind.CLUB, "club-current", CLUB);
    records.revisions.put(current.schema().value(), migrator.revision(TenantKind.CLUB));
    Tenant behind = tenant(TenantKind.CLUB, "club-behind", Set.of("club-1::bloom"));
    records.revisions.put(behind.schema().value(), "an older revision");
    Tenant never = tenant(TenantKind.PARTNER, "partner-new", Set.of());

    TenantSchemaUpgrade.Outcome outcome = upgrade.run();

    assertEquals(3, outcome.schemas());
    assertEquals(2, outcome.migrated());
    assertEquals(
        Set.of(behind.schema().value(), never.schema().value()), Set.copyOf(migrator.migrated));
    assertEquals(migrator.revision(TenantKind.CLUB), records.revisions.get("club_club_behind"));
    assertEquals(
        migrator.revision(TenantKind.PARTNER), records.revisions.get("partner_partner_new"));
  }

  @Test
  void aSchemaWhoseHistoryDiffersFromTheReleaseFailsTheUpgradeByName() {
    Tenant odd = tenant(TenantKind.CLUB, "club-odd", Set.of("club-1::bloom", "club-x::someone"));
    // Its recorded revision says "current", but the history says otherwise: the check catches it.
    records.revisions.put(odd.schema().value(), migrator.revision(TenantKind.CLUB));

    IllegalStateException e = assertThrows(IllegalStateException.class, upgrade::run);

    assertTrue(e.getMessage().contains("club_club_odd"), e.getMessage());
  }

  @Test
  void aSchemaThatCannotBeMigratedIsNamedAndTheOthersStillAre() {
    tenant(TenantKind.CLUB, "club-broken", Set.of());
    tenant(TenantKind.CLUB, "club-fine", Set.of());
    migrator.broken.add("club_club_broken");

    IllegalStateException e = assertThrows(IllegalStateException.class, upgrade::run);

    assertTrue(e.getMessage().contains("club_club_broken"), e.getMessage());
    assertEquals(List.of("club_club_fine"), migrator.migrated);
  }

  @Test
  void revisionsDifferPerKindAndAreStable() {
    assertEquals(migrator.revision(TenantKind.CLUB), migrator.revision(TenantKind.CLUB));
    assertTrue(!migrator.revision(TenantKind.CLUB).equals(migrator.revision(TenantKind.PARTNER)));
  }

  /** Schemas in memory: each has the set of changesets applied; migrating applies all. */
  static final class FakeMigrator implements SchemaMigrator {
    final Map<String, Set<String>> applied = new ConcurrentHashMap<>();
    final List<String> migrated = Collections.synchronizedList(new ArrayList<>());
    final Set<String> broken = ConcurrentHashMap.newKeySet();

    @Override
    public void migratePlatform() {}

    @Override
    public void migrate(TenantKind kind, SchemaName schema) {
      if (broken.contains(schema.value())) {
        throw new IllegalStateException("the database refused a changeset");
      }
      applied.put(schema.value(), expectedChangesets(kind));
      migrated.add(schema.value());
    }

    @Override
    public Set<String> expectedChangesets(TenantKind kind) {
      return kind == TenantKind.CLUB ? CLUB : PARTNER;
    }

    @Override
    public Set<String> appliedChangesets(SchemaName schema) {
      return applied.getOrDefault(schema.value(), Set.of());
    }

    @Override
    public String revision(TenantKind kind) {
      return "rev-" + new java.util.TreeSet<>(expectedChangesets(kind));
    }
  }

  /** The registry's part the upgrade uses, in memory. */
  static final class FakeRecords extends TenantRecords {
    final List<Tenant> tenants = new ArrayList<>();
    final Map<String, String> revisions = new ConcurrentHashMap<>();

    @Override
    public List<Tenant> withSchemas() {
      return List.copyOf(tenants);
    }

    @Override
    public Map<String, String> schemaRevisions() {
      return new HashMap<>(revisions);
    }

    @Override
    public void schemaMigrated(SchemaName schema, String revision, int changesets) {
      revisions.put(schema.value(), revision);
    }
  }
}
