package club.bloom.nightly.domain;

import club.bloom.nightly.domain.NightlySchedule.Slot;
import java.time.Instant;
import java.util.Objects;

/**
 * Whether a kind of run is due for a club now, and why. The runs compute the state as of the moment
 * they run (ADR 0012), so what matters is only whether a run succeeded since the club's latest
 * slot: a club whose last success is older than its last slot is due <em>once</em> — one run, not
 * one per night missed.
 *
 * <ul>
 *   <li>A club created after its latest slot did not exist that night: nothing is due before its
 *       next slot.
 *   <li>A successful run of any kind of trigger (an operator's too) started at or after the slot
 *       makes the night done.
 *   <li>Failed attempts since the slot are retried after the {@link Backoff} (counted over the
 *       failures of the job itself; an attempt whose runner died is retried at once), until {@code
 *       maxAttempts} attempts have failed; then the night is given up.
 *   <li>A first attempt whose slot came after the scheduler's previous look is on schedule;
 *       otherwise (the replica was down at the slot, or this is its first look) it is a catch-up.
 * </ul>
 */
public final class NightPlan {
  private NightPlan() {}

  /** The decision for one kind of run of one club. */
  public sealed interface Decision permits Due, NotDue {}

  /** Run now: for this slot's night, with this trigger, as this attempt (1 for the first). */
  public record Due(Slot slot, RunTrigger trigger, int attempt) implements Decision {
    public Due {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(trigger, "trigger");
    }
  }

  /** Nothing to run before {@code wakeAt} (the next slot, or the end of a back-off). */
  public record NotDue(Instant wakeAt, String why) implements Decision {}

  /**
   * @param schedule the club's nights for this kind of run
   * @param clubCreatedAt when the club was registered
   * @param history the kind's run records of this club (the last two days are enough)
   * @param now the time of the decision
   * @param previousLook when this scheduler last decided (or started): a slot after it has just
   *     come, a slot before it was missed
   * @param backoff the retry policy
   */
  public static Decision decide(
      NightlySchedule schedule,
      Instant clubCreatedAt,
      RunHistory history,
      Instant now,
      Instant previousLook,
      Backoff backoff) {
    Slot slot = schedule.lastSlot(now);
    Instant next = schedule.nextSlot(now).at();
    if (clubCreatedAt.isAfter(slot.at())) {
      return new NotDue(next, "the club did not exist at its last slot");
    }
    if (history.lastSuccess().filter(at -> !at.isBefore(slot.at())).isPresent()) {
      return new NotDue(next, "done since the last slot");
    }
    int failures = 0;
    int backedOff = 0;
    Instant lastFailure = null;
    for (RunHistory.Failure f : history.failures()) {
      if (!f.startedAt().isBefore(slot.at())) {
        failures++;
        if (!f.interrupted()) {
          backedOff++;
          if (lastFailure == null || f.finishedAt().isAfter(lastFailure)) {
            lastFailure = f.finishedAt();
          }
        }
      }
    }
    if (failures >= backoff.maxAttempts()) {
      return new NotDue(next, "given up after " + failures + " failed attempts");
    }
    if (failures > 0) {
      if (lastFailure != null) {
        Instant retryAt = lastFailure.plus(backoff.delayAfter(backedOff));
        if (now.isBefore(retryAt)) {
          return new NotDue(retryAt.isBefore(next) ? retryAt : next, "backing off");
        }
      }
      return new Due(slot, RunTrigger.RETRY, failures + 1);
    }
    RunTrigger trigger =
        slot.at().isAfter(previousLook) ? RunTrigger.SCHEDULE : RunTrigger.CATCH_UP;
    return new Due(slot, trigger, 1);
  }
}
