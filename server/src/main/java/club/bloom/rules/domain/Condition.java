package club.bloom.rules.domain;

/** A compiled rule condition. */
@FunctionalInterface
public interface Condition {
  /**
   * Whether the condition holds for the facts of a purchase.
   *
   * @throws ConditionNotEvaluated when evaluation fails (e.g. a division by zero)
   */
  boolean holdsFor(PurchaseFacts facts);
}
