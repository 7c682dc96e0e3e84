package club.bloom.membership.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;

/**
 * Five wrong codes were sent for the member's current code: it accepts nothing more, not even the
 * right code. 422, not 429: waiting does not help, only a new code from the member does.
 */
public class ConfirmationLocked extends BloomException {
  private static final long serialVersionUID = 1L;

  public ConfirmationLocked() {
    super(
        ProblemKind.UNPROCESSABLE,
        "confirmation-locked",
        "Confirmation code locked",
        "Too many wrong codes; the member must request a new code in the cabinet. Nothing was"
            + " debited.");
  }
}
