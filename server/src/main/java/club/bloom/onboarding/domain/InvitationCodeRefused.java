package club.bloom.onboarding.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;

/** An invitation code that cannot be redeemed (any more): expired, revoked or used. */
public class InvitationCodeRefused extends BloomException {
  private static final long serialVersionUID = 1L;

  private InvitationCodeRefused(ProblemKind kind, String type, String title, String detail) {
    super(kind, type, title, detail);
  }

  /** 410: the code was valid until its expiry. */
  public static InvitationCodeRefused expired() {
    return new InvitationCodeRefused(
        ProblemKind.GONE,
        "invitation-expired",
        "Invitation expired",
        "This invitation code has expired; ask the club for a new one");
  }

  /** 410: the club took the invitation back. */
  public static InvitationCodeRefused revoked() {
    return new InvitationCodeRefused(
        ProblemKind.GONE,
        "invitation-revoked",
        "Invitation revoked",
        "The club has revoked this invitation code; ask the club for a new one");
  }

  /** 409: another partner redeemed it (codes are single use). */
  public static InvitationCodeRefused used() {
    return new InvitationCodeRefused(
        ProblemKind.CONFLICT,
        "invitation-used",
        "Invitation already used",
        "This invitation code has been redeemed already; codes are single use");
  }
}
