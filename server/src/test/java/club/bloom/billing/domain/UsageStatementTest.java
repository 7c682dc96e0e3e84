package club.bloom.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.billing.domain.Subscription.PlanPeriod;
import club.bloom.billing.domain.UsageStatement.UsageLine;
import club.bloom.shared.domain.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageStatementTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final Instant START = Instant.parse("2026-10-31T21:00:00Z");
  private static final Instant END = Instant.parse("2026-11-30T21:00:00Z");
  private static final Instant AFTER = Instant.parse("2026-12-05T00:00:00Z");

  @Test
  void aWholeMonthOnOnePlanCostsItsMonthlyPrice() {
    UsageStatement s =
        UsageStatement.compute(
            NOVEMBER,
            MOSCOW,
            AFTER,
            List.of(new PlanPeriod("business", START, END)),
            Catalogue::byCode,
            List.of());
    assertEquals(Money.rub("19900.00"), s.total());
    assertEquals(1, s.charges().size());
    assertTrue(s.closed());
    assertEquals(START, s.period().start());
    assertEquals(END, s.period().end());
  }

  @Test
  void aChangeMidMonthChargesEachPlanForItsShareOfTheMonth() {
    Instant sixteenth = Instant.parse("2026-11-15T21:00:00Z"); // 15 of 30 days
    UsageStatement s =
        UsageStatement.compute(
            NOVEMBER,
            MOSCOW,
            AFTER,
            List.of(
                new PlanPeriod("start", START, sixteenth),
                new PlanPeriod("business", sixteenth, END)),
            Catalogue::byCode,
            List.of());
    assertEquals(Money.rub("2450.00"), s.charges().get(0).amount());
    assertEquals(Money.rub("9950.00"), s.charges().get(1).amount());
    assertEquals(Money.rub("12400.00"), s.total());
    assertEquals(Money.rub("4900.00"), s.charges().get(0).monthlyPrice());
  }

  @Test
  void aTenantRegisteredMidMonthPaysFromRegistrationToTheKopeck() {
    Instant registered = Instant.parse("2026-11-20T09:30:00Z");
    UsageStatement s =
        UsageStatement.compute(
            NOVEMBER,
            MOSCOW,
            AFTER,
            List.of(new PlanPeriod("start", registered, END)),
            Catalogue::byCode,
            List.of());
    // 10 days 11.5 hours of 30 days: 4900 × 905400 s / 2592000 s = 1711.5972… → 1711.60
    assertEquals(Money.rub("1711.60"), s.total());
  }

  @Test
  void theCurrentMonthIsNotClosedAndAFreePlanCostsNothing() {
    UsageStatement s =
        UsageStatement.compute(
            NOVEMBER,
            MOSCOW,
            Instant.parse("2026-11-24T10:00:00Z"),
            List.of(new PlanPeriod("free", START, END)),
            Catalogue::byCode,
            List.of(new UsageLine("purchases", 12, Limit.PURCHASES_PER_MONTH, 1000L)));
    assertFalse(s.closed());
    assertEquals(Money.rub("0.00"), s.total());
    assertEquals(12, s.usage().get(0).quantity());
  }

  @Test
  void aMonthBeforeTheTenantExistedCostsNothing() {
    UsageStatement s =
        UsageStatement.compute(NOVEMBER, MOSCOW, AFTER, List.of(), Catalogue::byCode, List.of());
    assertEquals(Money.rub("0.00"), s.total());
    assertTrue(s.charges().isEmpty());
  }
}
