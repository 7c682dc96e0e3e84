package club.bloom.tiers.domain;

import club.bloom.shared.domain.Money;
import java.util.Optional;

/**
 * Where a member stands: spend and categories in the window, and what the next tier still needs.
 */
public record TierProgress(
    Optional<TierRule> current,
    Money spentInWindow,
    int categoriesInWindow,
    Optional<TierRule> next,
    Optional<Money> amountLeft,
    int categoriesLeft) {}
