package club.bloom.nightly.application;

import club.bloom.nightly.domain.FailureReason;
import club.bloom.nightly.domain.NightPlan;
import club.bloom.nightly.domain.NightlyRun;
import club.bloom.nightly.domain.NightlyRunLog;
import club.bloom.nightly.domain.NightlyRunLog.ClubLock;
import club.bloom.nightly.domain.NightlySchedule;
import club.bloom.nightly.domain.RunInProgress;
import club.bloom.nightly.domain.RunOutcome;
import club.bloom.nightly.domain.RunTrigger;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one kind of job for one club, holding the kind's lock for the club and recording the run
 * (ADR 0038). Whoever starts a run — the schedule on any replica, or an operator — goes through
 * here, so at most one run of a kind per club is under way at any moment, and every run has its
 * record: {@code RUNNING} when it starts, then {@code SUCCEEDED} with its counts or {@code FAILED}
 * with a reason code.
 *
 * <p>A scheduled run is decided again under the lock, from the records as they are then: a runner
 * that lost the race to the lock, or got it after the winner finished, finds the night done and
 * runs nothing. Runs a dead runner left {@code RUNNING} are marked {@code interrupted} by the next
 * holder of the lock (holding it proves their runner is gone).
 */
@ApplicationScoped
public class NightlyRunner {
  private static final Logger LOG = Logger.getLogger(NightlyRunner.class.getName());

  /** How far back the records are read to decide: longer than any night. */
  static final Duration LOOKBACK = Duration.ofDays(2);

  @Inject NightlyRunLog log;
  @Inject NightlySettings settings;
  @Inject Clock clock;

  public NightlyRunner() {}

  /** For tests outside the container (and a second runner in the ITs). */
  public NightlyRunner(NightlyRunLog log, NightlySettings settings, Clock clock) {
    this.log = log;
    this.settings = settings;
    this.clock = clock;
  }

  /** What a scheduled attempt came to. */
  public enum Attempt {
    /** The run ran and succeeded. */
    SUCCEEDED,
    /** The run ran and failed (recorded; retried after the back-off). */
    FAILED,
    /** Another runner holds the lock: nothing was run or recorded here. */
    LOCKED,
    /** Decided again under the lock, the night was done (or backing off): nothing run. */
    NOT_DUE
  }

  /**
   * The schedule's attempt: takes the lock if free, decides again from the records, and runs the
   * job if the night is still due.
   *
   * @param previousLook the scheduler's previous look (tells a slot just reached from a missed one)
   */
  public Attempt runIfDue(
      NightlyJob<?> job, Tenant club, NightlySchedule schedule, Instant previousLook) {
    Optional<ClubLock> held = log.tryLock(job.kind(), club.id());
    if (held.isEmpty()) {
      return Attempt.LOCKED;
    }
    try (ClubLock lock = held.get()) {
      Instant now = clock.instant();
      lock.abandonRunning(now);
      NightPlan.Decision decision =
          NightPlan.decide(
              schedule,
              club.createdAt(),
              lock.history(now.minus(LOOKBACK)),
              now,
              previousLook,
              settings.backoff());
      if (!(decision instanceof NightPlan.Due due)) {
        return Attempt.NOT_DUE;
      }
      try {
        return execute(job, club, due.slot(), due.trigger(), due.attempt(), lock).isPresent()
            ? Attempt.SUCCEEDED
            : Attempt.NOT_DUE;
      } catch (RuntimeException e) {
        return Attempt.FAILED;
      }
    }
  }

  /**
   * The operator's "run now": runs the job for the club at once, recorded as an operator run of the
   * club's current night (it counts as that night's run). Another run of the kind under way for the
   * club answers {@link RunInProgress}; a failure is recorded and thrown.
   */
  public <R> R runNow(NightlyJob<R> job, Tenant club) {
    Optional<ClubLock> held = log.tryLock(job.kind(), club.id());
    if (held.isEmpty()) {
      throw new RunInProgress(job.kind(), club.slug().value());
    }
    try (ClubLock lock = held.get()) {
      Instant now = clock.instant();
      lock.abandonRunning(now);
      NightlySchedule.Slot slot = settings.schedule(job.kind(), club).lastSlot(now);
      return execute(job, club, slot, RunTrigger.OPERATOR, 1, lock)
          .orElseThrow(() -> new RunInProgress(job.kind(), club.slug().value()));
    }
  }

  /** Runs and records; empty if the records refused the start (the night is done or running). */
  private <R> Optional<R> execute(
      NightlyJob<R> job,
      Tenant club,
      NightlySchedule.Slot slot,
      RunTrigger trigger,
      int attempt,
      ClubLock lock) {
    NightlyRun run =
        NightlyRun.starting(
            job.kind(), club.id(), slot, trigger, attempt, settings.replica(), clock.instant());
    if (!lock.start(run)) {
      return Optional.empty();
    }
    LOG.info(
        () ->
            job.kind()
                + " of club "
                + club.slug()
                + " for the night of "
                + slot.night()
                + ": "
                + trigger.code()
                + ", attempt "
                + attempt
                + " (run "
                + run.id()
                + ")");
    R result;
    try {
      result = job.run(club);
    } catch (RuntimeException e) {
      FailureReason reason = FailureReason.of(e);
      LOG.log(
          Level.WARNING,
          job.kind()
              + " of club "
              + club.slug()
              + " failed ("
              + reason.code()
              + ", run "
              + run.id()
              + ")",
          e);
      try {
        lock.finish(run.id(), RunOutcome.FAILED, Optional.of(reason), Map.of(), clock.instant());
      } catch (RuntimeException recording) {
        e.addSuppressed(recording);
      }
      throw e;
    }
    Map<String, Long> counts = Objects.requireNonNullElse(job.counts(result), Map.of());
    lock.finish(run.id(), RunOutcome.SUCCEEDED, Optional.empty(), counts, clock.instant());
    return Optional.of(result);
  }
}
