package club.bloom.onboarding.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;
import java.time.Instant;

/** The club ended its partnership with this partner: it may no longer report purchases there. */
public class PartnershipEnded extends BloomException {
  private static final long serialVersionUID = 1L;

  public PartnershipEnded(Instant endedAt) {
    super(
        ProblemKind.FORBIDDEN,
        "partnership-ended",
        "Partnership ended",
        "The club ended its partnership with this partner on "
            + endedAt
            + "; it no longer accepts this partner's purchases or payments with points");
  }
}
