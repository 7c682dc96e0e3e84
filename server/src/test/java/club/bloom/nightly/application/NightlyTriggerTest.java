package club.bloom.nightly.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.concurrent.LastExecution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The trigger follows the scheduler's plan, never faster than its spacing. */
class NightlyTriggerTest {
  private static final Instant NOW = Instant.parse("2026-12-08T00:29:58Z");
  private final AtomicReference<Instant> planned = new AtomicReference<>(NOW);
  private final NightlyTrigger trigger =
      new NightlyTrigger(planned::get, Duration.ofSeconds(1), Clock.fixed(NOW, ZoneOffset.UTC));

  private static LastExecution endedAt(Instant end) {
    return new LastExecution() {
      @Override
      public String getIdentityName() {
        return "look";
      }

      @Override
      public Object getResult() {
        return null;
      }

      @Override
      public ZonedDateTime getScheduledStart(ZoneId zone) {
        return end.atZone(zone);
      }

      @Override
      public ZonedDateTime getRunStart(ZoneId zone) {
        return end.atZone(zone);
      }

      @Override
      public ZonedDateTime getRunEnd(ZoneId zone) {
        return end.atZone(zone);
      }
    };
  }

  @Test
  void theFirstLookIsWhenPlannedAtStartUp() {
    assertEquals(NOW, trigger.getNextRunTime(null, NOW.atZone(ZoneOffset.UTC)).toInstant());
  }

  @Test
  void theNextLookIsTheSlotThePreviousLookPlanned() {
    Instant slot = Instant.parse("2026-12-08T00:30:00Z");
    planned.set(slot);

    assertEquals(
        slot, trigger.getNextRunTime(endedAt(NOW), NOW.atZone(ZoneOffset.UTC)).toInstant());
  }

  @Test
  void aPlanInThePastWaitsTheSpacingAfterThePreviousLookEnded() {
    planned.set(NOW.minusSeconds(3600));

    assertEquals(
        NOW.plusSeconds(1),
        trigger.getNextRunTime(endedAt(NOW), NOW.atZone(ZoneOffset.UTC)).toInstant());
  }
}
