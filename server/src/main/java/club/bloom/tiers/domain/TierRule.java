package club.bloom.tiers.domain;

import club.bloom.shared.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What it takes to hold a tier and what it earns: spend and distinct categories within a rolling
 * window of months, base accrual in percent of the amount; invitation-only tiers are never reached
 * by spend.
 */
public record TierRule(
    String code,
    String name,
    int rank,
    Money minSpend,
    int minCategories,
    int windowMonths,
    BigDecimal accrualPercent,
    boolean invitationOnly) {

  public boolean isMetBy(Money spent, int categories) {
    return !invitationOnly && spent.compareTo(minSpend) >= 0 && categories >= minCategories;
  }

  /**
   * Base points for a purchase: the accrual percent of the amount, rounded down to whole points.
   */
  public long pointsFor(Money amount) {
    return amount
        .amount()
        .multiply(accrualPercent)
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)
        .longValueExact();
  }
}
