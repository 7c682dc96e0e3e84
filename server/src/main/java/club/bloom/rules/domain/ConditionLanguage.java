package club.bloom.rules.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.List;

/**
 * The language of rule conditions (CEL), over the facts declared by {@link PurchaseFacts}: checks a
 * condition at save time and compiles it for evaluation.
 */
public interface ConditionLanguage {
  /**
   * Every problem of {@code source} as a condition: syntax, unknown facts or fields, type errors, a
   * result that is not a bool. Empty when the condition is valid.
   */
  List<ConditionProblem> check(String source);

  /**
   * The compiled condition of a club's rule. Implementations may cache it by club, rule and source.
   * A source that does not compile gives a condition that throws {@link ConditionNotEvaluated}.
   */
  Condition compile(SchemaName club, String ruleCode, String source);

  /**
   * A condition that is not saved (a draft being previewed), compiled for one evaluation and never
   * cached, so a preview cannot displace the program of a saved rule. A source that does not
   * compile gives a condition that throws {@link ConditionNotEvaluated}.
   */
  Condition compileDraft(String source);
}
