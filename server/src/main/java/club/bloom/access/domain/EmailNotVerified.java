package club.bloom.access.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;

/**
 * The login's e-mail address is not verified: it gets no roles and no membership until its holder
 * opens the link Keycloak mails to the address (403).
 */
public class EmailNotVerified extends BloomException {
  private static final long serialVersionUID = 1L;

  public EmailNotVerified() {
    super(
        ProblemKind.FORBIDDEN,
        "email-not-verified",
        "E-mail address not verified",
        "This login's e-mail address is not verified: open the link sent to it (or ask for a new"
            + " one by signing in again), then sign in again");
  }
}
