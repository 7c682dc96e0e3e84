package club.bloom.tiers.domain;

import club.bloom.shared.domain.Money;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A club's tiers ordered by rank, and how a member moves on them. A purchase can only raise a
 * member's tier (downgrades happen at scheduled re-evaluation); an invitation-only tier is kept.
 */
public final class TierLadder {
  private final List<TierRule> rules;

  public TierLadder(List<TierRule> rules) {
    this.rules = rules.stream().sorted(Comparator.comparingInt(TierRule::rank)).toList();
  }

  public List<TierRule> rules() {
    return rules;
  }

  /** The months of spend that count; the ladder uses one window for all tiers. */
  public int windowMonths() {
    return rules.stream().mapToInt(TierRule::windowMonths).max().orElse(12);
  }

  public Optional<TierRule> find(String code) {
    return rules.stream().filter(r -> r.code().equals(code)).findFirst();
  }

  /** The highest tier that spend and categories qualify for (never an invitation-only one). */
  public Optional<TierRule> qualifying(Money spent, int categories) {
    return rules.stream()
        .filter(r -> r.isMetBy(spent, categories))
        .max(Comparator.comparingInt(TierRule::rank));
  }

  /** The highest tier met by spend and categories or by the member's rank by spend. */
  public Optional<TierRule> qualifying(Money spent, int categories, java.math.BigDecimal topShare) {
    return rules.stream()
        .filter(r -> r.isMetBy(spent, categories, topShare))
        .max(Comparator.comparingInt(TierRule::rank));
  }

  /**
   * The tier after a purchase: the better of the current one and what the window now qualifies for.
   */
  public Optional<TierRule> afterPurchase(Optional<String> current, Money spent, int categories) {
    Optional<TierRule> held = current.flatMap(this::find);
    Optional<TierRule> earned = qualifying(spent, categories);
    if (held.isEmpty()) {
      return earned;
    }
    if (earned.isEmpty() || earned.get().rank() <= held.get().rank()) {
      return held;
    }
    return earned;
  }

  /** Progress from the current tier to the next one reachable by spend. */
  public TierProgress progress(Optional<TierRule> current, Money spent, int categories) {
    int currentRank = current.map(TierRule::rank).orElse(Integer.MIN_VALUE);
    Optional<TierRule> next =
        rules.stream()
            .filter(r -> !r.invitationOnly() && r.rank() > currentRank)
            .min(Comparator.comparingInt(TierRule::rank));
    if (next.isEmpty()) {
      return new TierProgress(current, spent, categories, Optional.empty(), Optional.empty(), 0);
    }
    TierRule target = next.get();
    Money left = target.minSpend().minus(spent);
    Money amountLeft = left.isPositive() ? left : Money.zero(spent.currency());
    int categoriesLeft = Math.max(0, target.minCategories() - categories);
    return new TierProgress(
        current, spent, categories, next, Optional.of(amountLeft), categoriesLeft);
  }
}
