package club.bloom.membership.domain;

import club.bloom.shared.domain.NotFound;

/** No member of a club the caller may serve carries this passport. */
public class UnknownPassport extends NotFound {
  private static final long serialVersionUID = 1L;

  public UnknownPassport() {
    super(
        "unknown-passport",
        "Unknown passport",
        "No member of a club this partner belongs to has this passport code");
  }
}
