package club.bloom.nightly.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import club.bloom.nightly.domain.NightlySchedule.Slot;
import jakarta.enterprise.concurrent.CronTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** A club's nights: the slot of a night, the last and the next one, across zones and DST. */
class NightlyScheduleTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalTime HALF_PAST_THREE = LocalTime.of(3, 30);

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @Test
  void aMoscowClubsNightIsHalfPastThreeMoscowTimeThatIsHalfPastMidnightUtc() {
    NightlySchedule moscow = new NightlySchedule(MOSCOW, HALF_PAST_THREE);

    Slot slot = moscow.slotOn(LocalDate.parse("2026-12-08"));

    assertEquals(at("2026-12-08T00:30:00Z"), slot.at());
    assertEquals(LocalDate.parse("2026-12-08"), slot.night());
  }

  @Test
  void theLastSlotIsTodaysOnceItHasComeAndYesterdaysBefore() {
    NightlySchedule moscow = new NightlySchedule(MOSCOW, HALF_PAST_THREE);

    assertEquals(at("2026-12-07T00:30:00Z"), moscow.lastSlot(at("2026-12-08T00:29:59Z")).at());
    assertEquals(at("2026-12-08T00:30:00Z"), moscow.lastSlot(at("2026-12-08T00:30:00Z")).at());
    assertEquals(at("2026-12-08T00:30:00Z"), moscow.lastSlot(at("2026-12-08T20:00:00Z")).at());
    // 21:00 UTC is already the next local day in Moscow, but its night has not come yet.
    assertEquals(
        LocalDate.parse("2026-12-08"), moscow.lastSlot(at("2026-12-08T21:30:00Z")).night());
  }

  @Test
  void theNextSlotIsStrictlyAfterTheGivenInstant() {
    NightlySchedule moscow = new NightlySchedule(MOSCOW, HALF_PAST_THREE);

    assertEquals(at("2026-12-08T00:30:00Z"), moscow.nextSlot(at("2026-12-08T00:29:59Z")).at());
    assertEquals(at("2026-12-09T00:30:00Z"), moscow.nextSlot(at("2026-12-08T00:30:00Z")).at());
    assertEquals(
        LocalDate.parse("2026-12-09"), moscow.nextSlot(at("2026-12-08T12:00:00Z")).night());
  }

  @Test
  void aClubFarEastHasItsNightOnThePreviousUtcDay() {
    NightlySchedule vladivostok =
        new NightlySchedule(ZoneId.of("Asia/Vladivostok"), HALF_PAST_THREE);

    Slot slot = vladivostok.nextSlot(at("2026-12-08T12:00:00Z"));

    assertEquals(at("2026-12-08T17:30:00Z"), slot.at());
    assertEquals(LocalDate.parse("2026-12-09"), slot.night());
  }

  @Test
  void onTheSpringDayALocalTimeInTheGapMovesForwardByTheGapAndTheNightStillRuns() {
    // 2026-03-29 in Berlin: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist that day.
    NightlySchedule berlin = new NightlySchedule(BERLIN, LocalTime.of(2, 30));

    Slot spring = berlin.slotOn(LocalDate.parse("2026-03-29"));

    assertEquals(at("2026-03-29T01:30:00Z"), spring.at(), "03:30 CEST");
    assertEquals(LocalDate.parse("2026-03-29"), spring.night());
    assertEquals(spring, berlin.nextSlot(at("2026-03-28T12:00:00Z")));
    assertEquals(spring, berlin.lastSlot(at("2026-03-29T12:00:00Z")));
    Slot before = berlin.slotOn(LocalDate.parse("2026-03-28"));
    Slot after = berlin.slotOn(LocalDate.parse("2026-03-30"));
    assertEquals(Duration.ofHours(24), Duration.between(before.at(), spring.at()));
    assertEquals(Duration.ofHours(23), Duration.between(spring.at(), after.at()));
  }

  @Test
  void aCronTriggerWouldSkipThatSpringNightWhichIsWhySlotsAreComputedHere() {
    CronTrigger cron = new CronTrigger("0 30 2 * * *", BERLIN);

    ZonedDateTime next =
        cron.getNextRunTime(null, ZonedDateTime.of(2026, 3, 28, 12, 0, 0, 0, BERLIN));

    assertEquals(LocalDate.parse("2026-03-30"), next.toLocalDate(), "no run on the 29th");
  }

  @Test
  void onTheAutumnDayALocalTimeThatHappensTwiceRunsOnceAtItsFirstOccurrence() {
    // 2026-10-25 in Berlin: 03:00 CEST goes back to 02:00 CET; 02:30 happens twice.
    NightlySchedule berlin = new NightlySchedule(BERLIN, LocalTime.of(2, 30));

    Slot autumn = berlin.slotOn(LocalDate.parse("2026-10-25"));

    assertEquals(at("2026-10-25T00:30:00Z"), autumn.at(), "02:30 CEST, the first one");
    // The second 02:30 (CET, 01:30 UTC) is not another slot: the next one is the 26th.
    assertEquals(autumn, berlin.lastSlot(at("2026-10-25T01:30:00Z")));
    Slot next = berlin.nextSlot(at("2026-10-25T01:30:00Z"));
    assertEquals(LocalDate.parse("2026-10-26"), next.night());
    assertEquals(Duration.ofHours(25), Duration.between(autumn.at(), next.at()));
  }

  @Test
  void theDefaultTimeIsOutsideEuropesGapsAndFollowsTheOffsetOnBothDays() {
    NightlySchedule berlin = new NightlySchedule(BERLIN, HALF_PAST_THREE);

    assertEquals(at("2026-03-28T02:30:00Z"), berlin.slotOn(LocalDate.parse("2026-03-28")).at());
    assertEquals(at("2026-03-29T01:30:00Z"), berlin.slotOn(LocalDate.parse("2026-03-29")).at());
    assertEquals(at("2026-10-25T02:30:00Z"), berlin.slotOn(LocalDate.parse("2026-10-25")).at());
    assertNotEquals(
        berlin.slotOn(LocalDate.parse("2026-10-25")).at(),
        berlin.slotOn(LocalDate.parse("2026-10-24")).at().plus(Duration.ofHours(24)));
  }

  @Test
  void everyNightOfAYearHasExactlyOneSlotInAZoneWithDaylightSaving() {
    NightlySchedule berlin = new NightlySchedule(BERLIN, LocalTime.of(2, 30));
    Instant t = at("2026-01-01T00:00:00Z");
    LocalDate expected = LocalDate.parse("2026-01-01");
    for (int i = 0; i < 366; i++) {
      Slot slot = berlin.nextSlot(t);
      assertEquals(expected, slot.night(), "after " + t);
      t = slot.at();
      expected = expected.plusDays(1);
    }
  }
}
