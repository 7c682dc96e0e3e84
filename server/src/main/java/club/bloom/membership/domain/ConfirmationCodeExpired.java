package club.bloom.membership.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;

/** The member's redemption code is older than five minutes. */
public class ConfirmationCodeExpired extends BloomException {
  private static final long serialVersionUID = 1L;

  public ConfirmationCodeExpired() {
    super(
        ProblemKind.UNPROCESSABLE,
        "confirmation-code-expired",
        "Confirmation code expired",
        "The member's code has expired; the member must request a new one in the cabinet."
            + " Nothing was debited.");
  }
}
