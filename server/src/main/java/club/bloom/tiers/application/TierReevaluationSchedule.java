package club.bloom.tiers.application;

import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link TierReevaluation} over every active club (default daily): the standings, then the
 * members in chunks of {@code bloom.tiers.reevaluation-chunk-size}, by member id, each chunk a
 * transaction. A run is idempotent: stopped midway (a crash, a failed chunk), the next run reaches
 * the same state, since what was written is simply found unchanged. A member whose row changed
 * meanwhile (a purchase) is skipped and evaluated on the next run.
 */
@ApplicationScoped
public class TierReevaluationSchedule {
  private static final Logger LOG = Logger.getLogger(TierReevaluationSchedule.class.getName());

  @Inject TierReevaluation reevaluation;
  @Inject TenantRegistry tenants;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.tiers.reevaluation-interval-minutes", defaultValue = "1440")
  long intervalMinutes;

  @Inject
  @ConfigProperty(name = "bloom.tiers.reevaluation-chunk-size", defaultValue = "5000")
  int chunkSize;

  @Resource ManagedScheduledExecutorService executor;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    executor.scheduleWithFixedDelay(
        this::runOnce, intervalMinutes, intervalMinutes, TimeUnit.MINUTES);
  }

  /** One pass over all active clubs; a club that fails is logged and retried on the next pass. */
  public void runOnce() {
    for (Tenant club : activeClubs()) {
      try {
        runClub(club);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "tier re-evaluation failed for club " + club.slug(), e);
      }
    }
  }

  /** Re-evaluates one club now. */
  public TierEvaluationRun runClub(Tenant club) {
    Instant now = clock.instant();
    long t0 = System.nanoTime();
    int standings = reevaluation.recomputeStandings(club, now);
    long t1 = System.nanoTime();
    TierReevaluation.Settings settings = reevaluation.settings(club);
    Map<String, Integer> outcomes = new TreeMap<>();
    Optional<UUID> after = Optional.empty();
    int members = 0;
    int written = 0;
    int chunks = 0;
    Duration reading = Duration.ZERO;
    Duration writing = Duration.ZERO;
    TierReevaluation.Chunk chunk;
    do {
      chunk = reevaluation.evaluate(club.schema(), settings, after, chunkSize, now);
      chunks++;
      members += chunk.read();
      written += chunk.written();
      reading = reading.plus(chunk.readTime());
      writing = writing.plus(chunk.writeTime());
      chunk.outcomes().forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
      after = chunk.last();
    } while (chunk.read() == chunkSize);
    TierEvaluationRun run =
        new TierEvaluationRun(
            outcomes,
            standings,
            Duration.ofNanos(t1 - t0),
            members,
            written,
            chunks,
            Duration.ofNanos(System.nanoTime() - t1),
            reading,
            writing);
    LOG.info(
        () ->
            "tier re-evaluation of club "
                + club.slug()
                + ": standings of "
                + run.standings()
                + " members in "
                + run.standingsTime().toMillis()
                + " ms; "
                + run.members()
                + " members in "
                + run.chunks()
                + " chunks, "
                + run.written()
                + " written (reading "
                + run.readTime().toMillis()
                + " ms, writing "
                + run.writeTime().toMillis()
                + " ms), in "
                + run.decisionsTime().toMillis()
                + " ms; "
                + run.outcomes());
    return run;
  }

  // A plain read of the registry: no transaction needed (and a self-call would not start one).
  List<Tenant> activeClubs() {
    return tenants.active(TenantKind.CLUB);
  }
}
