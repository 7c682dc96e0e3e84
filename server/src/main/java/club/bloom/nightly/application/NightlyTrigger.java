package club.bloom.nightly.application;

import jakarta.enterprise.concurrent.LastExecution;
import jakarta.enterprise.concurrent.ZonedTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Supplier;

/**
 * The trigger of the scheduler's looks, for {@code ManagedScheduledExecutorService.schedule}: the
 * next look is the time the previous one asked for ({@code planned}: the earliest slot of any club
 * and kind, the end of a back-off, or at the latest the check interval), but never sooner than
 * {@code spacing} after the previous look ended, so a look that keeps finding past times cannot
 * spin. The executor calls it once when scheduled and again after every look.
 */
public final class NightlyTrigger implements ZonedTrigger {
  private final Supplier<Instant> planned;
  private final Duration spacing;
  private final Clock clock;

  public NightlyTrigger(Supplier<Instant> planned, Duration spacing, Clock clock) {
    this.planned = planned;
    this.spacing = spacing;
    this.clock = clock;
  }

  @Override
  public ZonedDateTime getNextRunTime(LastExecution last, ZonedDateTime taskScheduledTime) {
    Instant next = planned.get();
    if (last != null) {
      ZonedDateTime end = last.getRunEnd(ZoneOffset.UTC);
      Instant earliest = (end == null ? clock.instant() : end.toInstant()).plus(spacing);
      if (next.isBefore(earliest)) {
        next = earliest;
      }
    }
    return ZonedDateTime.ofInstant(next, ZoneOffset.UTC);
  }

  @Override
  public ZoneId getZoneId() {
    return ZoneOffset.UTC;
  }
}
