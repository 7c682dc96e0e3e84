package club.bloom.ingestion.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;

/** The partner has not been opted in to take the club's points as payment. */
public class RedemptionNotEnabled extends BloomException {
  private static final long serialVersionUID = 1L;

  public RedemptionNotEnabled() {
    super(
        ProblemKind.FORBIDDEN,
        "redemption-not-enabled",
        "Redemption not enabled",
        "This partner does not take the club's points as payment; the platform operator opts"
            + " partners in per club. Nothing was debited.");
  }
}
