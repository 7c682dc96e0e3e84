package club.bloom.billing.domain;

import club.bloom.billing.domain.Subscription.PlanPeriod;
import club.bloom.shared.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A tenant's usage statement for one calendar month in its time zone: what each plan in force cost
 * (a plan's monthly price in proportion to the time it was in force, to the kopeck) and what was
 * used. A statement of the current month is not {@code closed}: its usage still grows, and its
 * charges assume the plans now scheduled.
 */
public record UsageStatement(
    YearMonth month,
    ZoneId zone,
    UsagePeriod period,
    boolean closed,
    List<Charge> charges,
    List<UsageLine> usage,
    Money total) {

  /** What one plan cost within the month. */
  public record Charge(
      String planCode,
      String planName,
      Instant from,
      Instant to,
      Money monthlyPrice,
      Money amount) {}

  /**
   * One measure of usage: a quantity, and the limit it is held against (if any) with what that
   * allows (null: unlimited).
   */
  public record UsageLine(String metric, long quantity, Limit limit, Long allowed) {}

  public static UsageStatement compute(
      YearMonth month,
      ZoneId zone,
      Instant now,
      List<PlanPeriod> periods,
      Function<String, Plan> plans,
      List<UsageLine> usage) {
    UsagePeriod period = UsagePeriod.month(month, zone);
    long monthMillis = Duration.between(period.start(), period.end()).toMillis();
    List<Charge> charges = new ArrayList<>();
    Money total = Money.zero(Money.RUB);
    for (PlanPeriod p : periods) {
      Plan plan = plans.apply(p.planCode());
      Money price = plan.monthlyPrice();
      long millis = Duration.between(p.from(), p.to()).toMillis();
      BigDecimal amount =
          price
              .amount()
              .multiply(BigDecimal.valueOf(millis))
              .divide(BigDecimal.valueOf(monthMillis), 2, RoundingMode.HALF_UP);
      Money charged = new Money(amount, price.currency());
      charges.add(new Charge(plan.code(), plan.name(), p.from(), p.to(), price, charged));
      total = total.plus(charged); // plans are priced in RUB
    }
    return new UsageStatement(
        month,
        zone,
        period,
        !now.isBefore(period.end()),
        List.copyOf(charges),
        List.copyOf(usage),
        total);
  }
}
