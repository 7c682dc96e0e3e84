package club.bloom.rules.domain;

/**
 * A condition could not be evaluated for a purchase (an error at run time, such as a division by
 * zero, or a stored condition that no longer compiles). The rule is then skipped, never the
 * purchase.
 */
public class ConditionNotEvaluated extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConditionNotEvaluated(String message) {
    super(message);
  }
}
