package club.bloom.membership.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.NotFound;
import club.bloom.shared.domain.ProblemKind;

/** Why a claim link (of a counter registration, an enrolment or an online joining) is refused. */
public final class RegistrationLinkInvalid {
  private RegistrationLinkInvalid() {}

  /** No registration of the signed-in member's club has this token (404). */
  public static NotFound unknown() {
    return new NotFound(
        "unknown-registration-link",
        "Unknown registration link",
        "No registration of this club has this link; check that you signed in to the club the"
            + " link was made for");
  }

  /** The link is older than its validity (410). */
  public static BloomException expired() {
    return new Gone(
        "registration-link-expired",
        "Registration link expired",
        "The link has expired; ask for a new one (the cashier at a partner's counter, the club, or"
            + " joining the club again online). Your points are kept.");
  }

  /** Another login has already claimed the registration (410). */
  public static BloomException used() {
    return new Gone(
        "registration-link-used",
        "Registration link already used",
        "This link has already been used to confirm a registration");
  }

  /**
   * The link was mailed to the member's address, and the signed-in login's verified address is
   * another (403).
   */
  public static BloomException otherAddress() {
    return new Refused(
        "registration-link-other-address",
        "Link for another address",
        "This link was sent to another e-mail address: sign in with the login of the address it"
            + " was sent to (use 'Forgot password?' on the sign-in page if you have none)");
  }

  static final class Refused extends BloomException {
    private static final long serialVersionUID = 1L;

    Refused(String type, String title, String detail) {
      super(ProblemKind.FORBIDDEN, type, title, detail);
    }
  }

  static final class Gone extends BloomException {
    private static final long serialVersionUID = 1L;

    Gone(String type, String title, String detail) {
      super(ProblemKind.GONE, type, title, detail);
    }
  }
}
