package club.bloom.tenancy.application;

import club.bloom.tenancy.domain.SchemaMigrator;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brings every tenant schema to the changelog of the running release, at start-up (ADR 0035):
 *
 * <ol>
 *   <li>the schemas whose recorded revision differs from the release's revision of their kind are
 *       migrated by a bounded pool of workers ({@code bloom.schema-upgrade.workers}); Liquibase's
 *       lock table in each schema keeps two replicas from migrating the same schema at once;
 *   <li>then every tenant schema's Liquibase history is compared with the release's changesets: the
 *       upgrade succeeds only when all of them hold exactly the same set.
 * </ol>
 *
 * A schema that fails is reported by name (never with tenant data) and the whole upgrade is retried
 * by the caller; until it succeeds, readiness stays DOWN, so a replica never serves tenants whose
 * tables it does not know.
 */
@ApplicationScoped
public class TenantSchemaUpgrade {
  private static final Logger LOG = Logger.getLogger(TenantSchemaUpgrade.class.getName());

  @Inject SchemaMigrator migrator;
  @Inject TenantRecords records;

  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "bloom.schema-upgrade.workers", defaultValue = "2")
  int workers;

  private final AtomicInteger migrated = new AtomicInteger();
  private volatile int pending;
  private volatile int schemas;

  /**
   * Migrates the schemas behind the release and checks them all.
   *
   * @return the outcome: how many schemas there are, how many were migrated now
   * @throws IllegalStateException naming the schemas that failed or do not match
   */
  public Outcome run() {
    List<Tenant> tenants = records.withSchemas();
    Map<TenantKind, String> revisions = new EnumMap<>(TenantKind.class);
    for (TenantKind kind : TenantKind.values()) {
      revisions.put(kind, migrator.revision(kind));
    }
    Map<String, String> recorded = records.schemaRevisions();
    ConcurrentLinkedQueue<Tenant> queue = new ConcurrentLinkedQueue<>();
    for (Tenant t : tenants) {
      if (!revisions.get(t.kind()).equals(recorded.get(t.schema().value()))) {
        queue.add(t);
      }
    }
    schemas = tenants.size();
    pending = queue.size();
    migrated.set(0);
    if (!queue.isEmpty()) {
      LOG.info(
          "upgrading "
              + queue.size()
              + " of "
              + tenants.size()
              + " tenant schemas with "
              + workers
              + " workers");
    }
    Set<String> failed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < Math.max(1, Math.min(workers, queue.size())); i++) {
      running.add(
          executor.submit(
              () -> {
                for (Tenant t = queue.poll(); t != null; t = queue.poll()) {
                  try {
                    migrator.migrate(t.kind(), t.schema());
                    records.schemaMigrated(
                        t.schema(),
                        revisions.get(t.kind()),
                        migrator.expectedChangesets(t.kind()).size());
                    migrated.incrementAndGet();
                  } catch (RuntimeException e) {
                    failed.add(t.schema().value());
                    LOG.log(Level.SEVERE, "could not upgrade schema " + t.schema(), e);
                  }
                }
              }));
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while upgrading tenant schemas", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("a schema upgrade worker failed", e.getCause());
      }
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException("tenant schemas not upgraded: " + new TreeSet<>(failed));
    }
    List<String> behind = new ArrayList<>();
    for (Tenant t : tenants) {
      Set<String> applied = migrator.appliedChangesets(t.schema());
      if (!applied.equals(migrator.expectedChangesets(t.kind()))) {
        behind.add(t.schema().value());
      }
    }
    if (!behind.isEmpty()) {
      throw new IllegalStateException(
          "tenant schemas whose history differs from the release's changelog: " + behind);
    }
    return new Outcome(tenants.size(), migrated.get());
  }

  /** Progress for readiness: "k of n schemas migrated" while an upgrade runs. */
  public String progress() {
    return migrated.get() + " of " + pending + " schemas migrated (" + schemas + " in all)";
  }

  /** What an upgrade did. */
  public record Outcome(int schemas, int migrated) {}
}
