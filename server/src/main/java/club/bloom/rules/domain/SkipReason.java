package club.bloom.rules.domain;

/** Why a rule did not grant anything for a purchase. */
public enum SkipReason {
  /** The rule is switched off. */
  INACTIVE,
  /** An earlier exclusive rule fired, so the rule was not evaluated. */
  SHADOWED,
  /** The condition is false for this purchase. */
  CONDITION_FALSE,
  /** The condition failed at run time (e.g. a division by zero). */
  CONDITION_FAILED,
  /** The condition held, but the club's cap on the accrual percent was already reached. */
  CAPPED
}
