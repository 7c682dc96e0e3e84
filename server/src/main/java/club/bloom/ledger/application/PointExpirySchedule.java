package club.bloom.ledger.application;

import club.bloom.nightly.application.NightlyJob;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One club's run of {@link PointExpiry}: the members with something due, then those members in
 * chunks of {@code bloom.ledger.expiry-chunk-size}, each chunk a transaction. A run stopped midway
 * may simply run again: members are expired under their locks and expiring twice expires nothing.
 *
 * <p>It is the nightly job {@value #KIND}: the nightly scheduler starts it for every active club at
 * the club's local time of night, and the operator for one club now, both through the nightly
 * runner, which holds the club's lock for the kind and records the run (ADR 0037, ADR 0038).
 */
@ApplicationScoped
public class PointExpirySchedule implements NightlyJob<ExpiryRun> {
  /** The nightly job's kind. */
  public static final String KIND = "point-expiry";

  private static final Logger LOG = Logger.getLogger(PointExpirySchedule.class.getName());

  @Inject PointExpiry expiry;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.ledger.expiry-chunk-size", defaultValue = "1000")
  int chunkSize;

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public ExpiryRun run(Tenant club) {
    return runClub(club);
  }

  /**
   * The record's counts: members due, members whose points expired, lots expired (emptied), points
   * expired (all currencies), chunks.
   */
  @Override
  public Map<String, Long> counts(ExpiryRun run) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("membersDue", (long) run.due());
    counts.put("membersExpired", (long) run.members());
    counts.put("lotsExpired", run.lots());
    counts.put("pointsExpired", run.points());
    counts.put("chunks", (long) run.chunks());
    return counts;
  }

  /** Expires what is due in one club now (callers go through the nightly runner). */
  public ExpiryRun runClub(Tenant club) {
    Instant now = clock.instant();
    long t0 = System.nanoTime();
    List<UUID> due = expiry.due(club.schema(), now);
    long t1 = System.nanoTime();
    int members = 0;
    int chunks = 0;
    long points = 0;
    long lots = 0;
    for (int from = 0; from < due.size(); from += chunkSize) {
      PointExpiry.Chunk chunk =
          expiry.expire(
              club.schema(), due.subList(from, Math.min(due.size(), from + chunkSize)), now);
      chunks++;
      members += chunk.members();
      points += chunk.points();
      lots += chunk.lots();
    }
    ExpiryRun run =
        new ExpiryRun(
            due.size(),
            Duration.ofNanos(t1 - t0),
            members,
            chunks,
            lots,
            points,
            Duration.ofNanos(System.nanoTime() - t1));
    LOG.info(
        () ->
            "point expiry of club "
                + club.slug()
                + ": "
                + run.due()
                + " members due, found in "
                + run.dueTime().toMillis()
                + " ms; "
                + run.points()
                + " points of "
                + run.members()
                + " members expired in "
                + run.chunks()
                + " chunks, "
                + run.expiryTime().toMillis()
                + " ms");
    return run;
  }
}
