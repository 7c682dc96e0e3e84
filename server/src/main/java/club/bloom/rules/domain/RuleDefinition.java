package club.bloom.rules.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One earning rule as the club writes it: when {@code condition} (a CEL expression over the facts
 * of a purchase, see {@link PurchaseFacts}) holds, grant {@code effect} with {@code effectValue} in
 * {@code currency}; the granted points expire after {@code expiryDays} (none if null).
 *
 * <p>Rules are evaluated by ascending {@code priority} (ties by code); an {@code exclusive} rule
 * that fires stops the evaluation of every rule after it. Inactive rules are kept but never fire.
 */
public record RuleDefinition(
    String code,
    String name,
    int priority,
    boolean exclusive,
    String condition,
    EffectKind effect,
    BigDecimal effectValue,
    String currency,
    Integer expiryDays,
    boolean active) {

  /** The club's main points currency (the ledger's {@code points}). */
  public static final String POINTS = "points";

  public RuleDefinition {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(effect, "effect");
    Objects.requireNonNull(effectValue, "effectValue");
    Objects.requireNonNull(currency, "currency");
  }
}
