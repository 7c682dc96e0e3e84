package club.bloom.billing.infrastructure;

import club.bloom.billing.domain.RateDecision;
import club.bloom.billing.domain.RateLimiter;
import club.bloom.tenancy.domain.TenantId;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Token buckets in {@code platform.rate_limit_bucket}, through Bucket4j's PostgreSQL proxy manager
 * ({@code SELECT … FOR UPDATE} on the bucket's row): every replica reads and writes the same
 * bucket, so a tenant's rate holds however many replicas serve it (ADR 0013).
 *
 * <p>It uses the non-transactional data source {@code jdbc/bloom-nontx}: Bucket4j commits its own
 * short transaction per request, which must neither join nor wait for the request's JTA transaction
 * — a token spent is spent even if the request later fails.
 *
 * <p>A bucket is keyed by tenant and rate: when a tenant's rate changes (plan change, override), it
 * starts on a full bucket of the new size. Rows of unused buckets expire and are removed every few
 * minutes. The table is created by Liquibase, never at run time.
 */
@ApplicationScoped
public class PostgresRateLimiter implements RateLimiter {
  private static final Logger LOG = Logger.getLogger(PostgresRateLimiter.class.getName());
  static final String TABLE = "platform.rate_limit_bucket";

  @Resource(lookup = "jdbc/bloom-nontx")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService executor;

  private PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

  /**
   * One proxy per bucket, kept: its batching optimisation lets the requests that arrive while one
   * of them is at the database wait and go together in the next round trip (one {@code SELECT … FOR
   * UPDATE} and one update for all of them), so a tenant's requests no longer queue one by one on
   * the bucket's row. Nothing is consumed locally: the bucket in PostgreSQL stays exact for every
   * replica. Dropped with the rows of unused buckets.
   */
  private final ConcurrentMap<String, Bucket> proxies = new ConcurrentHashMap<>();

  private ScheduledFuture<?> cleaning;

  /** For the container. */
  public PostgresRateLimiter() {}

  /** On any data source of the Bloom database, e.g. from another JVM (tests, tools). */
  public PostgresRateLimiter(DataSource dataSource) {
    this.dataSource = dataSource;
    init();
  }

  @PostConstruct
  void init() {
    buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table(TABLE)
            .idColumn("id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .build();
    if (executor != null) {
      cleaning = executor.scheduleWithFixedDelay(this::removeExpired, 5, 5, TimeUnit.MINUTES);
    }
  }

  @PreDestroy
  void stop() {
    if (cleaning != null) {
      cleaning.cancel(false);
    }
  }

  @Override
  public RateDecision tryAcquire(TenantId tenant, long perSecond) {
    if (perSecond <= 0) {
      throw new IllegalArgumentException("a rate is > 0");
    }
    BucketConfiguration configuration =
        BucketConfiguration.builder()
            .addLimit(
                limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
            .build();
    String key = key(tenant, perSecond);
    ConsumptionProbe probe;
    try {
      probe =
          proxies
              .computeIfAbsent(
                  key,
                  k ->
                      buckets
                          .builder()
                          .withOptimization(Optimizations.batching())
                          .build(k, () -> configuration))
              .tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      if (!bucketMissing(e)) {
        throw e;
      }
      // A batch that met a bucket not created yet (or removed as expired) fails as a whole
      // instead of creating it; a plain call creates it, and the next batches find it.
      probe = buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    }
    return new RateDecision(
        probe.isConsumed(),
        perSecond,
        probe.getRemainingTokens(),
        probe.isConsumed() ? 0 : Math.max(1, RateDecision.seconds(probe.getNanosToWaitForRefill())),
        RateDecision.seconds(probe.getNanosToWaitForReset()));
  }

  private static boolean bucketMissing(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BucketNotFoundException) {
        return true;
      }
    }
    return false;
  }

  /** The bucket of a tenant at a rate. */
  static String key(TenantId tenant, long perSecond) {
    return "tenant:" + tenant.value() + ":" + perSecond + "/s";
  }

  private void removeExpired() {
    try {
      int removed;
      do {
        removed = buckets.removeExpired(500);
      } while (removed == 500);
      if (proxies.size() > 10_000) {
        proxies.clear();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "removing expired rate-limit buckets failed; retried later", e);
    }
  }
}
