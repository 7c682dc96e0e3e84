package club.bloom.membership.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;

/** The member has not accepted the current version of a required text (the club's terms). */
public class ConsentRequired extends BloomException {
  private static final long serialVersionUID = 1L;

  public ConsentRequired(ConsentDocument pending) {
    super(
        ProblemKind.FORBIDDEN,
        "consent-required",
        "Consent required",
        "Accept version "
            + pending.version()
            + " of the club's "
            + pending.kind().code()
            + " first: it is in GET /me (pendingConsents); send POST /me/consents");
  }
}
