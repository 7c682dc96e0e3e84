package club.bloom.membership.domain;

import club.bloom.shared.domain.NotFound;

/** The club has published no text of this kind. */
public class NoConsentDocument extends NotFound {
  private static final long serialVersionUID = 1L;

  public NoConsentDocument(ConsentKind kind) {
    super(
        "unknown-consent-document",
        "No such consent text",
        "The club has published no " + kind.code() + " text");
  }
}
