package club.bloom.ledger.application;

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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link PointExpiry} over every active club at a fixed interval (default daily, with the tier
 * re-evaluation): the members with something due, then those members in chunks of {@code
 * bloom.ledger.expiry-chunk-size}, each chunk a transaction. Several replicas may run it at once,
 * and a run stopped midway may simply run again: members are expired under their locks and expiring
 * twice expires nothing.
 */
@ApplicationScoped
public class PointExpirySchedule {
  private static final Logger LOG = Logger.getLogger(PointExpirySchedule.class.getName());

  @Inject PointExpiry expiry;
  @Inject TenantRegistry tenants;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.ledger.expiry-interval-minutes", defaultValue = "1440")
  long intervalMinutes;

  @Inject
  @ConfigProperty(name = "bloom.ledger.expiry-chunk-size", defaultValue = "1000")
  int chunkSize;

  @Resource ManagedScheduledExecutorService executor;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    executor.scheduleWithFixedDelay(
        this::runOnce, intervalMinutes, intervalMinutes, TimeUnit.MINUTES);
  }

  /** One pass over all clubs; returns the points expired. */
  public long runOnce() {
    long total = 0;
    for (Tenant club : activeClubs()) {
      try {
        total += runClub(club).points();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "point expiry failed for club " + club.slug(), e);
      }
    }
    return total;
  }

  /** Expires what is due in one club now. */
  public ExpiryRun runClub(Tenant club) {
    Instant now = clock.instant();
    long t0 = System.nanoTime();
    List<UUID> due = expiry.due(club.schema(), now);
    long t1 = System.nanoTime();
    int members = 0;
    int chunks = 0;
    long points = 0;
    for (int from = 0; from < due.size(); from += chunkSize) {
      PointExpiry.Chunk chunk =
          expiry.expire(
              club.schema(), due.subList(from, Math.min(due.size(), from + chunkSize)), now);
      chunks++;
      members += chunk.members();
      points += chunk.points();
    }
    ExpiryRun run =
        new ExpiryRun(
            due.size(),
            Duration.ofNanos(t1 - t0),
            members,
            chunks,
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

  // A plain read of the registry: no transaction needed (and a self-call would not start one).
  List<Tenant> activeClubs() {
    return tenants.active(TenantKind.CLUB);
  }
}
