package club.bloom.nightly.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import club.bloom.nightly.domain.NightPlan.Due;
import club.bloom.nightly.domain.NightPlan.NotDue;
import club.bloom.nightly.domain.RunHistory.Failure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What counts as due, missed, done, retried or given up. */
class NightPlanTest {
  private static final NightlySchedule MOSCOW =
      new NightlySchedule(ZoneId.of("Europe/Moscow"), LocalTime.of(3, 30));

  /** 2026-12-08 15:00 Moscow: the last slot was 00:30 UTC that day, the next is tomorrow's. */
  private static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");

  private static final Instant SLOT = Instant.parse("2026-12-08T00:30:00Z");
  private static final Instant NEXT_SLOT = Instant.parse("2026-12-09T00:30:00Z");
  private static final Instant OLD_CLUB = Instant.parse("2026-01-01T00:00:00Z");
  private static final Backoff BACKOFF =
      new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(60), 5);

  private static NightPlan.Decision decide(RunHistory history, Instant previousLook) {
    return NightPlan.decide(MOSCOW, OLD_CLUB, history, NOW, previousLook, BACKOFF);
  }

  private static RunHistory succeeded(Instant at) {
    return new RunHistory(Optional.of(at), List.of());
  }

  private static Failure failed(Instant started, Instant finished) {
    return new Failure(started, finished, false);
  }

  @Test
  void aClubWhoseLastRunWasTwoNightsAgoIsDueOnceAsACatchUpOfLastNight() {
    RunHistory twoNightsAgo = succeeded(Instant.parse("2026-12-06T00:30:05Z"));

    Due due = assertInstanceOf(Due.class, decide(twoNightsAgo, NOW.minusSeconds(2)));

    assertEquals(SLOT, due.slot().at(), "last night's slot, not one per night missed");
    assertEquals(LocalDate.parse("2026-12-08"), due.slot().night());
    assertEquals(RunTrigger.CATCH_UP, due.trigger());
    assertEquals(1, due.attempt());
  }

  @Test
  void aSlotThatCameSinceThePreviousLookIsOnSchedule() {
    Instant justAfter = SLOT.plusSeconds(1);
    RunHistory yesterday = succeeded(SLOT.minus(Duration.ofDays(1)));

    Due due =
        assertInstanceOf(
            Due.class,
            NightPlan.decide(
                MOSCOW, OLD_CLUB, yesterday, justAfter, SLOT.minusSeconds(60), BACKOFF));

    assertEquals(RunTrigger.SCHEDULE, due.trigger());
  }

  @Test
  void aSuccessSinceTheSlotOfAnyTriggerMakesTheNightDoneUntilTheNextSlot() {
    NotDue done = assertInstanceOf(NotDue.class, decide(succeeded(SLOT), NOW.minusSeconds(2)));
    assertEquals(NEXT_SLOT, done.wakeAt());

    // An operator's run at noon counts as the night's run too.
    assertInstanceOf(NotDue.class, decide(succeeded(NOW.minusSeconds(60)), NOW.minusSeconds(2)));
  }

  @Test
  void aSuccessJustBeforeTheSlotDoesNotCountForTheNight() {
    assertInstanceOf(Due.class, decide(succeeded(SLOT.minusMillis(1)), NOW.minusSeconds(2)));
  }

  @Test
  void aClubNeverRunIsDueIfItExistedAtItsLastSlot() {
    assertInstanceOf(Due.class, decide(RunHistory.none(), NOW.minusSeconds(2)));
  }

  @Test
  void aClubCreatedAfterItsLastSlotWaitsForItsFirstNight() {
    NotDue wait =
        assertInstanceOf(
            NotDue.class,
            NightPlan.decide(
                MOSCOW, SLOT.plusSeconds(1), RunHistory.none(), NOW, NOW.minusSeconds(2), BACKOFF));

    assertEquals(NEXT_SLOT, wait.wakeAt());
  }

  @Test
  void aFailedNightIsRetriedAfterTheBackoffAndTheAttemptsAreNumbered() {
    Instant failedAt = NOW.minus(Duration.ofMinutes(3));
    RunHistory once = new RunHistory(Optional.empty(), List.of(failed(SLOT, failedAt)));

    NotDue wait = assertInstanceOf(NotDue.class, decide(once, NOW.minusSeconds(2)));
    assertEquals(failedAt.plus(Duration.ofMinutes(5)), wait.wakeAt());

    Instant later = failedAt.plus(Duration.ofMinutes(5));
    Due retry =
        assertInstanceOf(Due.class, NightPlan.decide(MOSCOW, OLD_CLUB, once, later, NOW, BACKOFF));
    assertEquals(RunTrigger.RETRY, retry.trigger());
    assertEquals(2, retry.attempt());
    assertEquals(SLOT, retry.slot().at());
  }

  @Test
  void theBackoffDoublesAfterEachFailureUpToItsMaximum() {
    assertEquals(Duration.ofMinutes(5), BACKOFF.delayAfter(1));
    assertEquals(Duration.ofMinutes(10), BACKOFF.delayAfter(2));
    assertEquals(Duration.ofMinutes(40), BACKOFF.delayAfter(4));
    assertEquals(Duration.ofMinutes(60), BACKOFF.delayAfter(5));
    assertEquals(Duration.ofMinutes(60), BACKOFF.delayAfter(50));

    Instant second = NOW.minus(Duration.ofMinutes(9));
    RunHistory twice =
        new RunHistory(
            Optional.empty(),
            List.of(
                failed(SLOT, SLOT.plusSeconds(10)),
                failed(SLOT.plus(Duration.ofMinutes(6)), second)));
    NotDue wait = assertInstanceOf(NotDue.class, decide(twice, NOW.minusSeconds(2)));
    assertEquals(second.plus(Duration.ofMinutes(10)), wait.wakeAt());
  }

  @Test
  void afterTheLastAttemptFailsTheNightIsGivenUpUntilTheNextSlot() {
    List<Failure> five =
        List.of(
            failed(SLOT, SLOT.plusSeconds(1)),
            failed(SLOT.plusSeconds(300), SLOT.plusSeconds(301)),
            failed(SLOT.plusSeconds(900), SLOT.plusSeconds(901)),
            failed(SLOT.plusSeconds(2100), SLOT.plusSeconds(2101)),
            failed(SLOT.plusSeconds(4500), SLOT.plusSeconds(4501)));

    NotDue givenUp =
        assertInstanceOf(
            NotDue.class, decide(new RunHistory(Optional.empty(), five), NOW.minusSeconds(2)));

    assertEquals(NEXT_SLOT, givenUp.wakeAt());
  }

  @Test
  void failuresOfEarlierNightsDoNotCount() {
    Instant yesterday = SLOT.minus(Duration.ofDays(1));
    RunHistory history =
        new RunHistory(
            Optional.empty(),
            List.of(
                failed(yesterday, yesterday.plusSeconds(1)),
                failed(yesterday.plusSeconds(300), yesterday.plusSeconds(301))));

    Due due = assertInstanceOf(Due.class, decide(history, NOW.minusSeconds(2)));

    assertEquals(1, due.attempt());
    assertEquals(RunTrigger.CATCH_UP, due.trigger());
  }

  @Test
  void anInterruptedAttemptIsRetriedAtOnceButCountsAsAnAttempt() {
    RunHistory interrupted =
        new RunHistory(Optional.empty(), List.of(new Failure(SLOT, NOW.minusSeconds(1), true)));

    Due due = assertInstanceOf(Due.class, decide(interrupted, NOW.minusSeconds(2)));

    assertEquals(RunTrigger.RETRY, due.trigger());
    assertEquals(2, due.attempt());
  }

  @Test
  void aSpringNightInAZoneWithDaylightSavingIsDueAtItsMovedSlot() {
    NightlySchedule berlin = new NightlySchedule(ZoneId.of("Europe/Berlin"), LocalTime.of(2, 30));
    Instant movedSlot = Instant.parse("2026-03-29T01:30:00Z"); // 03:30 CEST
    RunHistory yesterday = succeeded(Instant.parse("2026-03-28T01:30:00Z"));

    assertInstanceOf(
        NotDue.class,
        NightPlan.decide(
            berlin,
            OLD_CLUB,
            yesterday,
            movedSlot.minusSeconds(1),
            movedSlot.minusSeconds(2),
            BACKOFF));
    Due due =
        assertInstanceOf(
            Due.class,
            NightPlan.decide(
                berlin, OLD_CLUB, yesterday, movedSlot, movedSlot.minusSeconds(2), BACKOFF));
    assertEquals(LocalDate.parse("2026-03-29"), due.slot().night());
  }
}
