package club.bloom.shared.domain;

import java.util.List;

/**
 * Base of the exceptions that say what went wrong in domain words. Each names a problem type (the
 * last segment of the problem URI), a title, its kind and, for invalid input, the fields at fault.
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
}
