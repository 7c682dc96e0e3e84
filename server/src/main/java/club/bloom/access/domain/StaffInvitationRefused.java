package club.bloom.access.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.NotFound;
import club.bloom.shared.domain.ProblemKind;

/** Why a pending staff invitation cannot be accepted. */
public final class StaffInvitationRefused {
  private StaffInvitationRefused() {}

  /** No invitation of the signed-in login's realm has this token (404). */
  public static NotFound unknown() {
    return new NotFound(
        "unknown-staff-invitation",
        "Unknown staff invitation",
        "No invitation has this link here; check that you signed in where the invitation was made"
            + " (the club's sign-in for a club, the partners' sign-in for a partner)");
  }

  /** The invitation was made for another login or address (403). */
  public static BloomException otherLogin() {
    return new Refused(
        ProblemKind.FORBIDDEN,
        "staff-invitation-other-login",
        "Invitation for another login",
        "This invitation was sent to another e-mail address: sign in with the login of the address"
            + " it was sent to");
  }

  /** Past its term (410). */
  public static BloomException expired() {
    return new Refused(
        ProblemKind.GONE,
        "staff-invitation-expired",
        "Staff invitation expired",
        "The invitation has expired; ask to be invited again");
  }

  /** Accepted already (410). */
  public static BloomException used() {
    return new Refused(
        ProblemKind.GONE,
        "staff-invitation-used",
        "Staff invitation already used",
        "This invitation has already been accepted");
  }

  static final class Refused extends BloomException {
    private static final long serialVersionUID = 1L;

    Refused(ProblemKind kind, String type, String title, String detail) {
      super(kind, type, title, detail);
    }
  }
}
