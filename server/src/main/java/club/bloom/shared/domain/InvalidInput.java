package club.bloom.shared.domain;

import java.util.List;

/** Input that breaks a rule; names every field at fault. */
public class InvalidInput extends BloomException {
  private static final long serialVersionUID = 1L;

  public InvalidInput(List<FieldProblem> fields) {
    super(
        ProblemKind.INVALID,
        "invalid-request",
        "The request is invalid",
        fields.size() == 1
            ? fields.get(0).field() + ": " + fields.get(0).reason()
            : fields.size() + " fields are invalid",
        fields);
  }

  public static InvalidInput of(String field, String reason) {
    return new InvalidInput(List.of(new FieldProblem(field, reason)));
  }
}
