package club.bloom.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class UsagePeriodTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  @Test
  void usageIsMeteredInTheTenantsCalendar() {
    Instant lateOnOctober31Utc = Instant.parse("2026-10-31T22:30:00Z"); // already Nov 1 in Moscow
    assertEquals("2026-11", UsagePeriod.monthOf(lateOnOctober31Utc, MOSCOW).key());
    assertEquals("2026-10", UsagePeriod.monthOf(lateOnOctober31Utc, ZoneId.of("UTC")).key());
    assertEquals("2026-11-01", UsagePeriod.dayOf(lateOnOctober31Utc, MOSCOW).key());
  }

  @Test
  void aFlowLimitIsCountedPerMonthOrPerDay() {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    UsagePeriod month = UsagePeriod.of(Limit.PURCHASES_PER_MONTH, now, MOSCOW);
    assertEquals(Instant.parse("2026-11-30T21:00:00Z"), month.end(), "resets on Dec 1, MSK");
    assertTrue(month.contains(now));
    assertFalse(month.contains(month.end()));
    UsagePeriod day = UsagePeriod.of(Limit.CSV_ROWS_PER_DAY, now, MOSCOW);
    assertEquals("2026-11-24", day.key());
    assertEquals(Instant.parse("2026-11-24T21:00:00Z"), day.end());
    assertThrows(IllegalArgumentException.class, () -> UsagePeriod.of(Limit.MEMBERS, now, MOSCOW));
  }
}
