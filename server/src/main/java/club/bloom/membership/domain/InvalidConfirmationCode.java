package club.bloom.membership.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;

/** The code the cashier sent is not the member's current code; an attempt was spent. */
public class InvalidConfirmationCode extends BloomException {
  private static final long serialVersionUID = 1L;

  public InvalidConfirmationCode(int attemptsLeft) {
    super(
        ProblemKind.UNPROCESSABLE,
        "invalid-confirmation-code",
        "Wrong confirmation code",
        attemptsLeft > 0
            ? "The code does not match the member's code; "
                + attemptsLeft
                + (attemptsLeft == 1 ? " attempt" : " attempts")
                + " left. Nothing was debited."
            : "The code does not match the member's code; no attempts left, the member must"
                + " request a new code (or turn the passport's TOTP on again). Nothing was"
                + " debited.");
  }
}
