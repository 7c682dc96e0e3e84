package club.bloom.tiers.application;

import club.bloom.nightly.application.NightlyJob;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One club's run of {@link TierReevaluation}: the standings, then the members in chunks of {@code
 * bloom.tiers.reevaluation-chunk-size}, by member id, each chunk a transaction. A run is
 * idempotent: stopped midway (a crash, a failed chunk), the next run reaches the same state, since
 * what was written is simply found unchanged. A member whose row changed meanwhile (a purchase) is
 * skipped and evaluated on the next run.
 *
 * <p>It is the nightly job {@value #KIND}: the nightly scheduler starts it for every active club at
 * the club's local time of night, and the operator for one club now, both through the nightly
 * runner, which holds the club's lock for the kind and records the run (ADR 0037, ADR 0038).
 */
@ApplicationScoped
public class TierReevaluationSchedule implements NightlyJob<TierEvaluationRun> {
  /** The nightly job's kind. */
  public static final String KIND = "tier-reevaluation";

  private static final Logger LOG = Logger.getLogger(TierReevaluationSchedule.class.getName());

  @Inject TierReevaluation reevaluation;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.tiers.reevaluation-chunk-size", defaultValue = "5000")
  int chunkSize;

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public TierEvaluationRun run(Tenant club) {
    return runClub(club);
  }

  /**
   * The record's counts: members ranked ({@code standings}), read, written, chunks, and members by
   * outcome ({@code outcome.<name>}: re-evaluation, downgrade, grace, manual, invitation,
   * unchanged, skipped).
   */
  @Override
  public Map<String, Long> counts(TierEvaluationRun run) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("standings", (long) run.standings());
    counts.put("membersRead", (long) run.members());
    counts.put("membersWritten", (long) run.written());
    counts.put("chunks", (long) run.chunks());
    run.outcomes().forEach((outcome, n) -> counts.put("outcome." + outcome, (long) n));
    return counts;
  }

  /** Re-evaluates one club now (callers go through the nightly runner: lock and record). */
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
}
