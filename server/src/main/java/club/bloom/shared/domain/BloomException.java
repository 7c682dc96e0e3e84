package club.bloom.shared.domain;

import java.util.List;
import java.util.Map;

/**
 * Base of the exceptions that say what went wrong in domain words. Each names a problem type (the
 * last segment of the problem URI), a title, its kind and, for invalid input, the fields at fault.
 *
 * <p>The detail ({@link #getMessage}) is for the caller, in the problem+json answer. Logs see only
 * the class, type and title ({@link #toString}, {@link #getLocalizedMessage}, hence stack traces):
 * Liberty writes an FFDC incident, and a line in {@code messages.log}, for an exception that leaves
 * a {@code @Transactional} method, and a detail may quote what the caller sent (issue 9, item 13).
 * Details must hold no personal data anyway; this keeps a slip out of the logs.
 */
public abstract class BloomException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ProblemKind kind;
  private final String type;
  private final String title;
  private final transient List<FieldProblem> fields;

  protected BloomException(
      ProblemKind kind, String type, String title, String detail, List<FieldProblem> fields) {
    super(detail);
    this.kind = kind;
    this.type = type;
    this.title = title;
    this.fields = List.copyOf(fields);
  }

  protected BloomException(ProblemKind kind, String type, String title, String detail) {
    this(kind, type, title, detail, List.of());
  }

  public ProblemKind kind() {
    return kind;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public List<FieldProblem> fields() {
    return fields;
  }

  /**
   * Extension members of the problem (RFC 9457 section 3.2) beyond type, title, status, detail and
   * errors, e.g. the limit and usage of a quota. Values are strings, numbers or booleans.
   */
  public Map<String, Object> extensions() {
    return Map.of();
  }

  /** Response headers that go with the problem, e.g. {@code Retry-After}. */
  public Map<String, String> headers() {
    return Map.of();
  }

  /** The type and title only: what logs and stack traces print (never the detail). */
  @Override
  public String getLocalizedMessage() {
    return type + " (" + title + ")";
  }

  @Override
  public String toString() {
    return getClass().getName() + ": " + getLocalizedMessage();
  }
}
