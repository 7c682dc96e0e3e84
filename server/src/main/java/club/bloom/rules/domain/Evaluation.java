package club.bloom.rules.domain;

import java.util.List;

/**
 * The outcome of a club's rules for one purchase: the rules that fired (in evaluation order), the
 * rules skipped and why, and the grants to post (the fired rules that earned at least one point). A
 * simulation shows it; a real purchase posts its grants.
 */
public record Evaluation(List<FiredRule> fired, List<SkippedRule> skipped, List<Grant> grants) {
  public Evaluation {
    fired = List.copyOf(fired);
    skipped = List.copyOf(skipped);
    grants = List.copyOf(grants);
  }

  /** Total points granted in a currency. */
  public long points(String currency) {
    return grants.stream()
        .filter(g -> g.currency().equals(currency))
        .mapToLong(Grant::points)
        .sum();
  }
}
