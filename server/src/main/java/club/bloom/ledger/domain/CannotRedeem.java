package club.bloom.ledger.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;

/** The member cannot spend that many points now. */
public class CannotRedeem extends BloomException {
  private static final long serialVersionUID = 1L;

  public CannotRedeem(String detail) {
    super(ProblemKind.UNPROCESSABLE, "cannot-redeem", "Cannot redeem points", detail);
  }
}
