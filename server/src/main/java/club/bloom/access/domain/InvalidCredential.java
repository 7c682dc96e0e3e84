package club.bloom.access.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;

/** A credential that is malformed, unknown, expired, revoked or from an untrusted issuer. */
public class InvalidCredential extends BloomException {
  private static final long serialVersionUID = 1L;

  public InvalidCredential(String detail) {
    super(ProblemKind.UNAUTHENTICATED, "invalid-credential", "Invalid credential", detail);
  }
}
