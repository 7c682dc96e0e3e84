package club.bloom.membership.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the member gave or withdrew consent: the web cabinet, a partner's terminal, a partner's or
 * club's own app through the API, or the link she was given when registered at a counter.
 */
public enum ConsentChannel {
  WEB,
  TERMINAL,
  API,
  COUNTER_LINK;

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
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
