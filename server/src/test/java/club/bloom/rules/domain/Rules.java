package club.bloom.rules.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;

/** Rule definitions for tests, and conditions given as plain answers per rule. */
public final class Rules {
  private Rules() {}

  public static RuleDefinition rule(String code, int priority, EffectKind effect, String value) {
    return new RuleDefinition(
        code,
        "Rule " + code,
        priority,
        false,
        "true",
        effect,
        new BigDecimal(value),
        RuleDefinition.POINTS,
        null,
        true);
  }

  public static RuleDefinition exclusive(RuleDefinition r) {
    return new RuleDefinition(
        r.code(),
        r.name(),
        r.priority(),
        true,
        r.condition(),
        r.effect(),
        r.effectValue(),
        r.currency(),
        r.expiryDays(),
        r.active());
  }

  public static RuleDefinition when(String condition, RuleDefinition r) {
    return new RuleDefinition(
        r.code(),
        r.name(),
        r.priority(),
        r.exclusive(),
        condition,
        r.effect(),
        r.effectValue(),
        r.currency(),
        r.expiryDays(),
        r.active());
  }

  public static RuleDefinition inactive(RuleDefinition r) {
    return new RuleDefinition(
        r.code(),
        r.name(),
        r.priority(),
        r.exclusive(),
        r.condition(),
        r.effect(),
        r.effectValue(),
        r.currency(),
        r.expiryDays(),
        false);
  }

  public static RuleDefinition in(String currency, Integer expiryDays, RuleDefinition r) {
    return new RuleDefinition(
        r.code(),
        r.name(),
        r.priority(),
        r.exclusive(),
        r.condition(),
        r.effect(),
        r.effectValue(),
        currency,
        expiryDays,
        r.active());
  }

  /** Every condition holds. */
  public static Function<RuleDefinition, Condition> allHold() {
    return r -> facts -> true;
  }

  /** Conditions hold as listed; rules not listed hold. */
  public static Function<RuleDefinition, Condition> holding(Map<String, Boolean> answers) {
    return r -> facts -> answers.getOrDefault(r.code(), true);
  }
}
