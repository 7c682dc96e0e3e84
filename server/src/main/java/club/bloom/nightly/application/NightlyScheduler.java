package club.bloom.nightly.application;

import club.bloom.nightly.domain.NightPlan;
import club.bloom.nightly.domain.NightlyRunLog;
import club.bloom.nightly.domain.NightlySchedule;
import club.bloom.nightly.domain.RunHistory;
import club.bloom.tenancy.application.PlatformBootstrap;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts every kind of nightly run for every active club at the club's local time of night, on each
 * replica, and catches up what was missed (ADR 0037).
 *
 * <p>It <em>looks</em> at start-up and then whenever its {@link NightlyTrigger} says: at the next
 * slot of any club and kind, at the end of a back-off, and at the latest after {@code
 * bloom.nightly.check-interval-seconds}. Each look decides for every club and kind ({@link
 * NightPlan}) from the run records of the last two days, and hands what is due to the {@link
 * NightlyRunner}, which takes the lock (a replica that finds it taken moves on) and decides again
 * under it. So after downtime, at the first look, a club whose last successful run is older than
 * its last slot gets one run; a failed run is retried after its back-off the same night; and with
 * several replicas each club's night runs once. Looks never overlap on a replica (the executor asks
 * the trigger for the next look only when one has ended); the runs of one look go one after the
 * other.
 */
@ApplicationScoped
public class NightlyScheduler {
  private static final Logger LOG = Logger.getLogger(NightlyScheduler.class.getName());

  /** Between looks while the platform is not ready yet, and the least time between looks. */
  static final Duration NOT_READY_RETRY = Duration.ofSeconds(3);

  static final Duration SPACING = Duration.ofSeconds(1);

  @Inject Instance<NightlyJob<?>> jobBeans;
  @Inject TenantRegistry tenants;
  @Inject NightlyRunLog log;
  @Inject NightlyRunner runner;
  @Inject NightlySettings settings;
  @Inject PlatformBootstrap bootstrap;
  @Inject Clock clock;

  @Resource ManagedScheduledExecutorService executor;

  List<NightlyJob<?>> jobs;
  BooleanSupplier ready;
  private volatile Instant previousLook;
  private volatile Instant nextLook;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    start(List.copyOf(jobBeans.stream().toList()), bootstrap::isReady);
    if (!settings.enabled()) {
      LOG.info("nightly runs: not scheduled on this replica (bloom.nightly.enabled=false)");
      return;
    }
    executor.schedule(this::look, new NightlyTrigger(() -> nextLook, SPACING, clock));
  }

  /** Prepares the looks: the jobs in a fixed order, their local times checked now. */
  void start(List<NightlyJob<?>> found, BooleanSupplier platformReady) {
    jobs = new ArrayList<>(found);
    jobs.sort(Comparator.comparing(NightlyJob::kind));
    ready = platformReady;
    for (NightlyJob<?> job : jobs) {
      // A bad per-kind time stops the start here, naming its key, rather than failing each look.
      settings.localTime(job.kind());
    }
    previousLook = clock.instant();
    nextLook = previousLook;
    LOG.info(
        () ->
            "nightly runs: "
                + jobs.stream().map(j -> j.kind() + " at " + settings.localTime(j.kind())).toList()
                + " club-local time, on replica "
                + settings.replica());
  }

  /** When the trigger should look next. */
  Instant nextLook() {
    return nextLook;
  }

  /**
   * One look: every due club and kind is run (one after the other); then the next look is planned.
   */
  public void look() {
    Instant now = clock.instant();
    Instant wake = now.plus(settings.checkInterval());
    try {
      if (!ready.getAsBoolean()) {
        // The platform (or a tenant schema) is still being migrated: look again soon.
        wake = now.plus(NOT_READY_RETRY);
        return;
      }
      wake = lookAt(now, wake);
      previousLook = now;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "nightly runs: look failed; looking again soon", e);
      Instant soon = now.plus(NOT_READY_RETRY.multipliedBy(10));
      wake = soon.isBefore(wake) ? soon : wake;
    } finally {
      nextLook = wake;
    }
  }

  private Instant lookAt(Instant now, Instant latest) {
    Instant wake = latest;
    List<Tenant> clubs = tenants.active(TenantKind.CLUB);
    Map<String, Map<UUID, RunHistory>> histories = new HashMap<>();
    for (NightlyJob<?> job : jobs) {
      histories.put(job.kind(), log.histories(job.kind(), now.minus(NightlyRunner.LOOKBACK)));
    }
    for (Tenant club : clubs) {
      for (NightlyJob<?> job : jobs) {
        try {
          NightlySchedule schedule = settings.schedule(job.kind(), club);
          NightPlan.Decision decision =
              NightPlan.decide(
                  schedule,
                  club.createdAt(),
                  histories.get(job.kind()).getOrDefault(club.id().value(), RunHistory.none()),
                  now,
                  previousLook,
                  settings.backoff());
          if (decision instanceof NightPlan.NotDue notDue) {
            if (notDue.wakeAt().isBefore(wake)) {
              wake = notDue.wakeAt();
            }
            continue;
          }
          NightlyRunner.Attempt attempt = runner.runIfDue(job, club, schedule, previousLook);
          if (attempt == NightlyRunner.Attempt.FAILED) {
            // Its back-off ends later; the next look after it finds it.
            Instant retry = clock.instant().plus(settings.backoff().first());
            wake = retry.isBefore(wake) ? retry : wake;
          }
          // The runs took time: whatever came due meanwhile is found by the next look.
        } catch (RuntimeException e) {
          // One club's problem (a bad time zone, the records unreachable) must not stop the others.
          LOG.log(
              Level.WARNING,
              "nightly runs: " + job.kind() + " of club " + club.slug() + " not started",
              e);
        }
      }
    }
    return wake;
  }
}
