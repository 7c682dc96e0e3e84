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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link PointExpiry} over every active club at a fixed interval (default hourly). Several
 * replicas may run it at once: each member is expired under its lock and expiring twice expires
 * nothing, so the work is safe, if repeated.
 */
@ApplicationScoped
public class PointExpirySchedule {
  private static final Logger LOG = Logger.getLogger(PointExpirySchedule.class.getName());

  @Inject PointExpiry expiry;
  @Inject TenantRegistry tenants;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.ledger.expiry-interval-minutes", defaultValue = "60")
  long intervalMinutes;

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
        total += runClub(club);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "point expiry failed for club " + club.slug(), e);
      }
    }
    return total;
  }

  /** Expires what is due in one club now; returns the points expired. */
  public long runClub(Tenant club) {
    long total = 0;
    Instant now = clock.instant();
    for (UUID member : expiry.due(club.schema(), now)) {
      total += expiry.expire(club.schema(), member, now);
    }
    return total;
  }

  // A plain read of the registry: no transaction needed (and a self-call would not start one).
  List<Tenant> activeClubs() {
    return tenants.active(TenantKind.CLUB);
  }
}
