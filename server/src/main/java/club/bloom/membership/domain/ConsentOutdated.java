package club.bloom.membership.domain;

import club.bloom.shared.domain.Conflict;

/** The member answered a version that is not the current one (they read an older text). */
public class ConsentOutdated extends Conflict {
  private static final long serialVersionUID = 1L;

  public ConsentOutdated(ConsentDocument current, int answered) {
    super(
        "consent-outdated",
        "Not the current version",
        "Version "
            + answered
            + " is not the current "
            + current.kind().code()
            + " text; the current one is version "
            + current.version());
  }
}
