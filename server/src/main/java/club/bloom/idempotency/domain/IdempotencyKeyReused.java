package club.bloom.idempotency.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.ProblemKind;
import java.util.List;

/** The key was used before for a different request body or operation. */
public class IdempotencyKeyReused extends BloomException {
  private static final long serialVersionUID = 1L;

  public IdempotencyKeyReused() {
    super(
        ProblemKind.UNPROCESSABLE,
        "idempotency-key-reused",
        "Idempotency key reused with a different request",
        "This Idempotency-Key was already used for a different request; use a new key",
        List.of(new FieldProblem(IdempotencyKey.HEADER, "already used for a different request")));
  }
}
