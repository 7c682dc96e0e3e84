package club.bloom.billing.infrastructure;

import club.bloom.billing.domain.ApiRequestMeter;
import club.bloom.billing.domain.Metric;
import club.bloom.tenancy.domain.TenantId;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts admitted API requests in {@code platform.usage_counter} (ADR 0014), without a write per
 * request (ADR 0040): a request adds 1 to an in-memory count of its tenant and month, and every
 * {@code bloom.billing.api-meter-flush-ms} (1 s) the counts are added to the counter's slots (ADR
 * 0036) in one short transaction of their own on the non-transactional data source, committed
 * asynchronously. Before the counters are read for a usage line or statement, {@link #flush()}
 * writes this replica's counts, so a reader sees every request this replica admitted.
 *
 * <p>The count is informational (no limit is checked against it): a crash of this JVM can lose the
 * last second of counts, as a crash of PostgreSQL can lose the last fraction of a second of the
 * asynchronously committed writes; a failed write keeps its counts for the next flush. Other
 * replicas' counts arrive within their flush interval.
 */
@ApplicationScoped
public class SqlApiRequestMeter implements ApiRequestMeter {
  private static final Logger LOG = Logger.getLogger(SqlApiRequestMeter.class.getName());

  @Resource(lookup = "jdbc/bloom-nontx")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "bloom.billing.counter-slots", defaultValue = "16")
  int counterSlots;

  @Inject
  @ConfigProperty(name = "bloom.billing.api-meter-flush-ms", defaultValue = "1000")
  long flushMs;

  private final Map<Key, AtomicLong> pending = new ConcurrentHashMap<>();

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    scheduler.scheduleWithFixedDelay(this::flushQuietly, flushMs, flushMs, TimeUnit.MILLISECONDS);
  }

  @Override
  public void count(TenantId tenant, String month) {
    pending.computeIfAbsent(new Key(tenant, month), k -> new AtomicLong()).incrementAndGet();
  }

  @PreDestroy
  void atShutdown() {
    flushQuietly();
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "API request counts not written yet; kept for the next try", e);
    }
  }

  @Override
  public synchronized void flush() {
    List<Map.Entry<Key, Long>> taken = new ArrayList<>();
    pending.forEach(
        (key, count) -> {
          long n = count.getAndSet(0);
          if (n > 0) {
            taken.add(Map.entry(key, n));
          }
        });
    if (taken.isEmpty()) {
      return;
    }
    try {
      write(taken);
    } catch (SQLException | RuntimeException e) {
      // Nothing was committed: give the counts back for the next flush.
      taken.forEach(
          t -> pending.computeIfAbsent(t.getKey(), k -> new AtomicLong()).addAndGet(t.getValue()));
      throw new IllegalStateException("could not write the API request counts", e);
    }
  }

  private void write(List<Map.Entry<Key, Long>> counts) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement async = connection.createStatement();
          PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO platform.usage_counter (tenant_id, metric, period, slot, quantity,"
                      + " updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (tenant_id, metric, period, slot) DO UPDATE"
                      + " SET quantity = usage_counter.quantity + EXCLUDED.quantity,"
                      + " updated_at = EXCLUDED.updated_at")) {
        async.execute("SET LOCAL synchronous_commit = off");
        Timestamp now = Timestamp.from(Instant.now());
        for (Map.Entry<Key, Long> c : counts) {
          upsert.setObject(1, c.getKey().tenant().value());
          upsert.setString(2, Metric.API_REQUESTS.name());
          upsert.setString(3, c.getKey().month());
          upsert.setShort(
              4, (short) ThreadLocalRandom.current().nextInt(Math.max(1, counterSlots)));
          upsert.setLong(5, c.getValue());
          upsert.setTimestamp(6, now);
          upsert.addBatch();
        }
        upsert.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private record Key(TenantId tenant, String month) {}
}
