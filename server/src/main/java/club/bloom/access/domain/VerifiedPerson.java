package club.bloom.access.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A person signed in with a login whose e-mail address is verified: the address (lower case) and
 * the names the login carries. Personal data: never logged ({@link #toString} is redacted).
 */
public record VerifiedPerson(
    String email, Optional<String> givenName, Optional<String> familyName) {
  public VerifiedPerson {
    Objects.requireNonNull(email, "email");
    email = email.strip().toLowerCase(Locale.ROOT);
    givenName = givenName.map(String::strip).filter(n -> !n.isEmpty());
    familyName = familyName.map(String::strip).filter(n -> !n.isEmpty());
  }

  @Override
  public String toString() {
    return "VerifiedPerson[redacted]";
  }
}
