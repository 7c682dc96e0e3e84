package club.bloom.tiers.application;

import club.bloom.shared.domain.Money;
import club.bloom.tiers.domain.ProgressText;
import club.bloom.tiers.domain.TierProgress;
import club.bloom.tiers.domain.TierRule;

/** Tier progress flattened for responses and stored results. */
public record ProgressView(
    Money spentInWindow,
    int categoriesInWindow,
    String nextTierCode,
    String nextTierName,
    Money amountLeft,
    Integer categoriesLeft,
    String text) {

  public static ProgressView of(TierProgress p, String locale) {
    return new ProgressView(
        p.spentInWindow(),
        p.categoriesInWindow(),
        p.next().map(TierRule::code).orElse(null),
        p.next().map(TierRule::name).orElse(null),
        p.amountLeft().orElse(null),
        p.next().isPresent() ? p.categoriesLeft() : null,
        ProgressText.of(p, locale));
  }
}
