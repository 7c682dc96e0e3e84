package club.bloom.membership.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The code on a club passport: 12 Crockford base-32 characters in three groups ({@code
 * 7K3M-9QXA-2B4C}), the last a Luhn mod 32 check character so that a mistyped code is rejected
 * before any look-up.
 */
public record PassportCode(String value) {
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  public PassportCode {
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("not a passport code");
    }
  }

  public static PassportCode generate() {
    StringBuilder raw = new StringBuilder(12);
    for (int i = 0; i < 11; i++) {
      raw.append(ALPHABET.charAt(RANDOM.nextInt(32)));
    }
    raw.append(checkCharacter(raw));
    return new PassportCode(group(raw.toString()));
  }

  /** Parses what a cashier typed or a scanner read: case, spaces and hyphens are forgiven. */
  public static Optional<PassportCode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String raw = text.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (raw.length() != 12) {
      return Optional.empty();
    }
    String grouped = group(raw);
    return isWellFormed(grouped) ? Optional.of(new PassportCode(grouped)) : Optional.empty();
  }

  private static boolean isWellFormed(String value) {
    if (value == null || value.length() != 14 || value.charAt(4) != '-' || value.charAt(9) != '-') {
      return false;
    }
    String raw = value.replace("-", "");
    for (int i = 0; i < raw.length(); i++) {
      if (ALPHABET.indexOf(raw.charAt(i)) < 0) {
        return false;
      }
    }
    return checkCharacter(raw.substring(0, 11)) == raw.charAt(11);
  }

  private static String group(String raw) {
    return raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8, 12);
  }

  // Luhn mod N over the base-32 alphabet.
  static char checkCharacter(CharSequence payload) {
    int factor = 2;
    int sum = 0;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int addend = factor * ALPHABET.indexOf(payload.charAt(i));
      factor = factor == 2 ? 1 : 2;
      sum += addend / 32 + addend % 32;
    }
    return ALPHABET.charAt((32 - sum % 32) % 32);
  }

  @Override
  public String toString() {
    return value;
  }
}
