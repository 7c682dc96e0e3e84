package club.bloom.rules.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * An earning rule of a club (club schema), identified by its code. Created and replaced only as
 * part of the club's whole rule set, after its condition has been checked; switched off rather than
 * lost when {@code active} is false. Its behaviour is its {@link RuleDefinition}, evaluated by
 * {@link RuleSet}.
 */
@Entity
@Table(name = "earning_rule")
public class EarningRule {
  @Id private String code;
  private String name;
  private int priority;
  private boolean exclusive;

  private String condition;

  @Enumerated(EnumType.STRING)
  @Column(name = "effect_kind")
  private EffectKind effect;

  @Column(name = "effect_value")
  private BigDecimal effectValue;

  private String currency;

  @Column(name = "expiry_days")
  private Integer expiryDays;

  private boolean active;

  protected EarningRule() {}

  public EarningRule(RuleDefinition definition) {
    this.code = definition.code();
    apply(definition);
  }

  /** Takes the definition of the rule with the same code. */
  public final void apply(RuleDefinition definition) {
    if (!definition.code().equals(code)) {
      throw new IllegalArgumentException("rule " + code + " cannot become " + definition.code());
    }
    name = definition.name();
    priority = definition.priority();
    exclusive = definition.exclusive();
    condition = definition.condition();
    effect = definition.effect();
    effectValue = definition.effectValue();
    currency = definition.currency();
    expiryDays = definition.expiryDays();
    active = definition.active();
  }

  public RuleDefinition definition() {
    return new RuleDefinition(
        code,
        name,
        priority,
        exclusive,
        condition,
        effect,
        effectValue,
        currency,
        expiryDays,
        active);
  }

  public String code() {
    return code;
  }
}
