package club.bloom.membership.domain;

import club.bloom.shared.domain.Conflict;

/**
 * The member was registered at a counter and has not confirmed yet: her points are credited but
 * cannot be spent until she opens her link and accepts the club's terms.
 */
public class MemberNotConfirmed extends Conflict {
  private static final long serialVersionUID = 1L;

  public MemberNotConfirmed() {
    super(
        "member-not-confirmed",
        "Member not confirmed",
        "The member was registered at a counter and has not confirmed the registration yet; the"
            + " points are kept and can be spent after she opens her link and accepts the terms."
            + " Nothing was debited.");
  }
}
