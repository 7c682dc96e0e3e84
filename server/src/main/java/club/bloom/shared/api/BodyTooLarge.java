package club.bloom.shared.api;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.ProblemKind;
import java.util.List;
import java.util.Map;

/** A request body beyond its route's limit (413); nothing of it was acted on. */
public class BodyTooLarge extends BloomException {
  private static final long serialVersionUID = 1L;
  private final long limit;

  public BodyTooLarge(long limit) {
    super(
        ProblemKind.PAYLOAD_TOO_LARGE,
        "body-too-large",
        "The request body is too large",
        "This operation takes bodies of at most " + limit + " bytes.",
        List.of(new FieldProblem("body", "must be at most " + limit + " bytes")));
    this.limit = limit;
  }

  @Override
  public Map<String, Object> extensions() {
    return Map.of("limit", limit);
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Connection", "close");
  }
}
