package club.bloom.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A calendar month or day in the tenant's time zone, as usage is metered: {@code key} is {@code
 * 2026-11} or {@code 2026-11-24}; {@code start} inclusive, {@code end} exclusive.
 */
public record UsagePeriod(String key, Instant start, Instant end) {
  public UsagePeriod {
    Objects.requireNonNull(key, "key");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("empty period " + key);
    }
  }

  public static UsagePeriod month(YearMonth month, ZoneId zone) {
    return new UsagePeriod(
        month.toString(),
        month.atDay(1).atStartOfDay(zone).toInstant(),
        month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
  }

  public static UsagePeriod day(LocalDate day, ZoneId zone) {
    return new UsagePeriod(
        day.toString(),
        day.atStartOfDay(zone).toInstant(),
        day.plusDays(1).atStartOfDay(zone).toInstant());
  }

  public static UsagePeriod monthOf(Instant at, ZoneId zone) {
    return month(YearMonth.from(at.atZone(zone)), zone);
  }

  public static UsagePeriod dayOf(Instant at, ZoneId zone) {
    return day(at.atZone(zone).toLocalDate(), zone);
  }

  /** The period a flow limit is counted in, at that instant. */
  public static UsagePeriod of(Limit limit, Instant at, ZoneId zone) {
    return switch (limit.shape()) {
      case MONTHLY -> monthOf(at, zone);
      case DAILY -> dayOf(at, zone);
      default -> throw new IllegalArgumentException(limit + " is not counted per period");
    };
  }

  public boolean contains(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }
}
