package club.bloom.membership.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.NotFound;
import club.bloom.shared.domain.ProblemKind;

/** Why a counter registration's link cannot be claimed. */
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
        "The link has expired; ask the cashier at a partner's counter to register your phone again"
            + " for a new one. Your points are kept.");
  }

  /** Another login has already claimed the registration (410). */
  public static BloomException used() {
    return new Gone(
        "registration-link-used",
        "Registration link already used",
        "This link has already been used to confirm a registration");
  }

  static final class Gone extends BloomException {
    private static final long serialVersionUID = 1L;

    Gone(String type, String title, String detail) {
      super(ProblemKind.GONE, type, title, detail);
    }
  }
}
