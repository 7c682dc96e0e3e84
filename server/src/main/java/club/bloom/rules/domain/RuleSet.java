package club.bloom.rules.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A club's earning rules and its cap, and how they stack for one purchase. Pure: conditions are
 * given compiled, nothing is read or written.
 *
 * <p><b>Order.</b> Rules are evaluated by ascending priority, ties by code. An inactive rule never
 * fires. An <em>exclusive</em> rule whose condition holds stops the evaluation: every rule after it
 * is skipped as shadowed, even when the cap leaves the exclusive rule nothing to grant.
 *
 * <p><b>Effects</b>, each rounded down to whole points on its own:
 *
 * <ul>
 *   <li>{@link EffectKind#ACCRUAL_PERCENT}: {@code floor(amount × value / 100)};
 *   <li>{@link EffectKind#MULTIPLIER}: the extra over the base accrual, {@code floor(base × (value
 *       − 1))} — ×1.5 on a base of 75 points adds 37; several multipliers add their extras;
 *   <li>{@link EffectKind#FIXED_POINTS}: {@code value}.
 * </ul>
 *
 * <p><b>Cap.</b> {@code maxAccrualPercent}, if set, bounds what a receipt earns in proportion to
 * its amount: the base accrual plus the points of every ACCRUAL_PERCENT and MULTIPLIER rule,
 * whatever their currency, may not exceed {@code floor(amount × maxAccrualPercent / 100)} points.
 * The base (the tier's) is never cut; it uses up the budget first. The rules then take what is left
 * in evaluation order: a rule that would exceed it is cut to the rest (fired, marked capped), and
 * once nothing is left a capped rule is skipped as {@link SkipReason#CAPPED}. FIXED_POINTS rules
 * (birthday, welcome) are not proportional to the amount and are not capped. Example: 1 000 ₽, cap
 * 10 %, base 5 % = 50 points: the budget left for rules is 100 − 50 = 50 points; a 3 % rule takes
 * 30, a ×2 multiplier (would add 50) is cut to 20, a further 1 % rule is skipped as capped.
 */
public record RuleSet(List<RuleDefinition> rules, BigDecimal maxAccrualPercent) {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Evaluation order: priority, then code. */
  public static final Comparator<RuleDefinition> ORDER =
      Comparator.comparingInt(RuleDefinition::priority).thenComparing(RuleDefinition::code);

  public RuleSet {
    rules = rules.stream().sorted(ORDER).toList();
    if (maxAccrualPercent != null
        && (maxAccrualPercent.signum() <= 0 || maxAccrualPercent.compareTo(HUNDRED) > 0)) {
      throw new IllegalArgumentException("cap out of range: " + maxAccrualPercent);
    }
  }

  public Optional<BigDecimal> cap() {
    return Optional.ofNullable(maxAccrualPercent);
  }

  /**
   * Which rules fire for a purchase, why, and what they grant.
   *
   * @param facts the facts of the purchase
   * @param baseAccrualPoints the tier's base points for the purchase (see {@code
   *     TierRule.pointsFor}); multipliers apply to it, the cap counts it
   * @param conditions the compiled condition of each rule
   */
  public Evaluation evaluate(
      PurchaseFacts facts, long baseAccrualPoints, Function<RuleDefinition, Condition> conditions) {
    if (baseAccrualPoints < 0) {
      throw new IllegalArgumentException("negative base accrual: " + baseAccrualPoints);
    }
    BigDecimal amount = facts.purchase().amount().amount().max(BigDecimal.ZERO);
    long budget = budget(amount, baseAccrualPoints);
    List<FiredRule> fired = new ArrayList<>();
    List<SkippedRule> skipped = new ArrayList<>();
    List<Grant> grants = new ArrayList<>();
    String shadowedBy = null;
    for (RuleDefinition rule : rules) {
      if (!rule.active()) {
        skipped.add(skip(rule, SkipReason.INACTIVE, "the rule is switched off"));
        continue;
      }
      if (shadowedBy != null) {
        skipped.add(
            skip(
                rule,
                SkipReason.SHADOWED,
                "not evaluated: exclusive rule " + shadowedBy + " fired"));
        continue;
      }
      boolean holds;
      try {
        holds = conditions.apply(rule).holdsFor(facts);
      } catch (ConditionNotEvaluated e) {
        skipped.add(
            skip(
                rule,
                SkipReason.CONDITION_FAILED,
                "the condition could not be evaluated: " + e.getMessage()));
        continue;
      }
      if (!holds) {
        skipped.add(skip(rule, SkipReason.CONDITION_FALSE, "the condition is false"));
        continue;
      }
      if (rule.exclusive()) {
        shadowedBy = rule.code();
      }
      long full = points(rule, amount, baseAccrualPoints);
      String effect = describe(rule, amount, baseAccrualPoints, full);
      long granted = full;
      if (rule.effect().isCapped() && maxAccrualPercent != null) {
        if (budget == 0 && full > 0) {
          skipped.add(
              skip(
                  rule,
                  SkipReason.CAPPED,
                  "the condition holds, but the club's cap of "
                      + percent(maxAccrualPercent)
                      + " per receipt is reached ("
                      + effect
                      + ")"));
          continue;
        }
        granted = Math.min(full, budget);
        budget -= granted;
      }
      boolean capped = granted < full;
      String explanation =
          "the condition holds; "
              + effect
              + (capped
                  ? ", cut to "
                      + granted
                      + " by the club's cap of "
                      + percent(maxAccrualPercent)
                      + " per receipt"
                  : "");
      fired.add(
          new FiredRule(
              rule.code(),
              rule.name(),
              rule.effect(),
              rule.currency(),
              granted,
              capped,
              explanation));
      if (granted > 0) {
        grants.add(
            new Grant(rule.code(), rule.currency(), granted, rule.expiryDays(), explanation));
      }
    }
    return new Evaluation(fired, skipped, grants);
  }

  /** Points the rules may still add under the cap, after the base accrual. */
  private long budget(BigDecimal amount, long base) {
    if (maxAccrualPercent == null) {
      return Long.MAX_VALUE;
    }
    long total =
        amount.multiply(maxAccrualPercent).divide(HUNDRED, 0, RoundingMode.DOWN).longValueExact();
    return Math.max(0, total - base);
  }

  private static long points(RuleDefinition rule, BigDecimal amount, long base) {
    BigDecimal value = rule.effectValue();
    return switch (rule.effect()) {
      case ACCRUAL_PERCENT ->
          amount.multiply(value).divide(HUNDRED, 0, RoundingMode.DOWN).longValueExact();
      case MULTIPLIER ->
          BigDecimal.valueOf(base)
              .multiply(value.subtract(BigDecimal.ONE))
              .setScale(0, RoundingMode.DOWN)
              .longValueExact();
      case FIXED_POINTS -> value.setScale(0, RoundingMode.DOWN).longValueExact();
    };
  }

  private static String describe(RuleDefinition rule, BigDecimal amount, long base, long points) {
    BigDecimal value = rule.effectValue();
    String unit = " " + rule.currency();
    return switch (rule.effect()) {
      case ACCRUAL_PERCENT -> {
        BigDecimal exact = amount.multiply(value).divide(HUNDRED);
        yield percent(value)
            + " of "
            + amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
            + " ₽ = "
            + points
            + unit
            + roundedDown(exact, points);
      }
      case MULTIPLIER -> {
        BigDecimal exact = BigDecimal.valueOf(base).multiply(value.subtract(BigDecimal.ONE));
        yield "×"
            + plain(value)
            + " of the base "
            + base
            + " points adds "
            + points
            + unit
            + roundedDown(exact, points);
      }
      case FIXED_POINTS -> "a fixed " + points + unit;
    };
  }

  private static String roundedDown(BigDecimal exact, long points) {
    return exact.compareTo(BigDecimal.valueOf(points)) == 0
        ? ""
        : " (" + plain(exact) + ", rounded down)";
  }

  private static SkippedRule skip(RuleDefinition rule, SkipReason reason, String explanation) {
    return new SkippedRule(rule.code(), rule.name(), reason, explanation);
  }

  private static String percent(BigDecimal value) {
    return plain(value) + "%";
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
