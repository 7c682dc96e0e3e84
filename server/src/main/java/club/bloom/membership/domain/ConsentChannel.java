package club.bloom.membership.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the member gave or withdrew consent: the web cabinet, a partner's terminal, or a partner's
 * or club's own app through the API.
 */
public enum ConsentChannel {
  WEB,
  TERMINAL,
  API;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ConsentChannel> parse(String code) {
    for (ConsentChannel c : values()) {
      if (c.code().equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
