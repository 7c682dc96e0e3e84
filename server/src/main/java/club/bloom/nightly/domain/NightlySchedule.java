package club.bloom.nightly.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When a club's nights are: every local day at {@code localTime} in the club's {@code zone}. The
 * instant of one day's run is its <em>slot</em>; the local date of the slot names the night.
 *
 * <p>Each local date has exactly one slot, whatever daylight saving does: a local time that does
 * not exist that day (the clocks jump over it in spring) is moved forward by the length of the gap
 * (02:30 becomes 03:30 when 02:00 jumps to 03:00), and a local time that happens twice (the clocks
 * go back in autumn) is its first occurrence. A cron expression would skip the spring night
 * altogether (Jakarta's {@code CronTrigger} does), which is why slots are computed here.
 */
public record NightlySchedule(ZoneId zone, LocalTime localTime) {
  public NightlySchedule {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(localTime, "localTime");
  }

  /** One night's run time: the night (a local date) and its instant. */
  public record Slot(LocalDate night, Instant at) {
    public Slot {
      Objects.requireNonNull(night, "night");
      Objects.requireNonNull(at, "at");
    }
  }

  /** The slot of the night of {@code date}. */
  public Slot slotOn(LocalDate date) {
    // ZonedDateTime.of moves a time in a gap forward by the gap and takes the earlier offset of
    // an overlap: exactly the rules above.
    return new Slot(date, ZonedDateTime.of(date, localTime, zone).toInstant());
  }

  /** The latest slot at or before {@code now}. */
  public Slot lastSlot(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, zone);
    Slot slot = slotOn(today);
    return slot.at().isAfter(now) ? slotOn(today.minusDays(1)) : slot;
  }

  /** The first slot strictly after {@code after}. */
  public Slot nextSlot(Instant after) {
    LocalDate today = LocalDate.ofInstant(after, zone);
    Slot slot = slotOn(today);
    return slot.at().isAfter(after) ? slot : slotOn(today.plusDays(1));
  }
}
