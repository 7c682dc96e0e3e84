package club.bloom.tiers.domain;

import club.bloom.shared.domain.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The demo club's ladder, as Bloom&Care configures it: the fixture for tier tests. */
final class BloomCareLadder {
  static final TierRule INSIDER = rule("insider", "Insider", 1, "0", 1, "5", false);
  static final TierRule VIP = rule("vip", "VIP", 2, "30000", 3, "7", false);
  static final TierRule ELITE = rule("elite", "Elite", 3, "100000", 5, "10", false);
  static final TierRule INNER_CIRCLE = rule("inner-circle", "Inner Circle", 4, "0", 0, "12", true);

  private BloomCareLadder() {}

  /** The ladder, its rules deliberately given out of rank order. */
  static TierLadder ladder() {
    return new TierLadder(List.of(ELITE, INNER_CIRCLE, INSIDER, VIP));
  }

  static Money rub(String amount) {
    return Money.rub(amount);
  }

  static Optional<TierRule> holding(TierRule rule) {
    return Optional.of(rule);
  }

  static Optional<TierRule> noTier() {
    return Optional.empty();
  }

  private static TierRule rule(
      String code,
      String name,
      int rank,
      String minSpend,
      int minCategories,
      String accrualPercent,
      boolean invitationOnly) {
    return new TierRule(
        code,
        name,
        rank,
        Money.rub(minSpend),
        minCategories,
        12,
        new BigDecimal(accrualPercent),
        invitationOnly);
  }
}
