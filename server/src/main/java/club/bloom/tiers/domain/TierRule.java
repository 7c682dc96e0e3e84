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
    boolean invitationOnly,
    BigDecimal topPercent) {

  /** A tier reached by spend and categories only. */
  public TierRule(
      String code,
      String name,
      int rank,
      Money minSpend,
      int minCategories,
      int windowMonths,
      BigDecimal accrualPercent,
      boolean invitationOnly) {
    this(
        code,
        name,
        rank,
        minSpend,
        minCategories,
        windowMonths,
        accrualPercent,
        invitationOnly,
        null);
  }

  public boolean isMetBy(Money spent, int categories) {
    return !invitationOnly && spent.compareTo(minSpend) >= 0 && categories >= minCategories;
  }

  /**
   * Met by spend and categories, or — for a tier with a top percent — by being among the top N % of
   * the club's members by spend ({@code topShare} = 100 × rank / members, e.g. 0.5 for the first of
   * 200), as the scheduled re-evaluation computes it.
   */
  public boolean isMetBy(Money spent, int categories, BigDecimal topShare) {
    if (isMetBy(spent, categories)) {
      return true;
    }
    return !invitationOnly
        && topPercent != null
        && topShare != null
        && topShare.compareTo(topPercent) <= 0;
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
