package club.bloom.rules.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;
import java.util.Map;

/**
 * A change of the rule set sent with {@code If-Match} of a revision that is no longer current:
 * someone else saved in between. Nothing is changed; read the rules again and redo the edit.
 */
public class StaleRuleSet extends BloomException {
  private static final long serialVersionUID = 1L;
  private final long current;

  public StaleRuleSet(long expected, long current) {
    super(
        ProblemKind.PRECONDITION_FAILED,
        "stale-rules",
        "The rules were changed meanwhile",
        "You edited revision "
            + expected
            + " of the rules, but revision "
            + current
            + " was saved since. Nothing was changed: load the rules again and redo your edit.");
    this.current = current;
  }

  @Override
  public Map<String, Object> extensions() {
    return Map.of("currentRevision", current);
  }
}
