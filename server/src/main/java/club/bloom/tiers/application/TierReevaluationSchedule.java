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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link TierReevaluation} over every active club (default daily). A member whose row changed
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

  @Resource ManagedScheduledExecutorService executor;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    executor.scheduleWithFixedDelay(
        () -> activeClubs().forEach(this::runClub),
        intervalMinutes,
        intervalMinutes,
        TimeUnit.MINUTES);
  }

  /** Re-evaluates one club now; returns counts by outcome. */
  public Map<String, Integer> runClub(Tenant club) {
    Map<String, Integer> outcome = new TreeMap<>();
    Instant now = clock.instant();
    List<UUID> members = reevaluation.prepare(club, now);
    for (UUID member : members) {
      try {
        outcome.merge(reevaluation.evaluate(club, member, now), 1, Integer::sum);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "member " + member + " skipped in this run", e);
        outcome.merge("skipped", 1, Integer::sum);
      }
    }
    return outcome;
  }

  // A plain read of the registry: no transaction needed (and a self-call would not start one).
  List<Tenant> activeClubs() {
    return tenants.active(TenantKind.CLUB);
  }
}
