package club.bloom.membership.domain;

import club.bloom.shared.domain.Conflict;

/** The club's terms are the basis of membership: withdrawing them means leaving the club. */
public class RequiredConsentNotWithdrawable extends Conflict {
  private static final long serialVersionUID = 1L;

  public RequiredConsentNotWithdrawable(ConsentKind kind) {
    super(
        "consent-not-withdrawable",
        "Cannot withdraw here",
        "The club's "
            + kind.code()
            + " cannot be withdrawn in the cabinet: to leave the club and have your data erased,"
            + " ask the club");
  }
}
