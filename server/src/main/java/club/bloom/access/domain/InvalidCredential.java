package club.bloom.access.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;

/** A credential that is malformed, unknown, expired, revoked or from an untrusted issuer. */
public class InvalidCredential extends BloomException {
  private static final long serialVersionUID = 1L;

  public InvalidCredential(String detail) {
    this("invalid-credential", detail);
  }

  /**
   * A refusal of its own problem type, e.g. {@code api-key-revoked}, so that an integrator's code
   * can tell a revoked or expired key from a mistyped one.
   */
  public InvalidCredential(String type, String detail) {
    super(ProblemKind.UNAUTHENTICATED, type, "Invalid credential", detail);
  }
}
