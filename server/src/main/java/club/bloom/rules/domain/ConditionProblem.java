package club.bloom.rules.domain;

/**
 * Why a condition does not compile: the position in the source (line and column, both from 1) and
 * the CEL compiler's message.
 */
public record ConditionProblem(int line, int column, String message) {
  @Override
  public String toString() {
    return line + ":" + column + ": " + message;
  }
}
