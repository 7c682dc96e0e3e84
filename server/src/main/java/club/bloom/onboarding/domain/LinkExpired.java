package club.bloom.onboarding.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;

/** A sign-up link followed after its day was over (410); applying again sends a new one. */
public class LinkExpired extends BloomException {
  private static final long serialVersionUID = 1L;

  public LinkExpired() {
    super(
        ProblemKind.GONE,
        "link-expired",
        "Link expired",
        "The verification link was valid for 24 hours; sign up again to get a new one");
  }
}
