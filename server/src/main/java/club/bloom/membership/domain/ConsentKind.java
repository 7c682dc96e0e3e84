package club.bloom.membership.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a consent text is for. The club's terms are required to use the cabinet; marketing is
 * optional and can be withdrawn at any time.
 */
public enum ConsentKind {
  TERMS(true),
  MARKETING(false);

  private final boolean required;

  ConsentKind(boolean required) {
    this.required = required;
  }

  /** A member must have accepted the current version before using the cabinet's actions. */
  public boolean required() {
    return required;
  }

  /** The name in the contract ({@code terms}, {@code marketing}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ConsentKind> parse(String code) {
    for (ConsentKind k : values()) {
      if (k.code().equals(code)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
