package club.bloom.membership.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;

/** The member has no redemption code: never asked for one, or it was used. */
public class NoConfirmationCode extends BloomException {
  private static final long serialVersionUID = 1L;

  public NoConfirmationCode() {
    super(
        ProblemKind.UNPROCESSABLE,
        "no-confirmation-code",
        "No confirmation code",
        "The member has no current code (none was requested, or it was already used); the"
            + " member must request one in the cabinet. Nothing was debited.");
  }
}
