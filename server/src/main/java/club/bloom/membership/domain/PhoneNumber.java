package club.bloom.membership.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Optional;

/**
 * A phone number in E.164 ({@code +79161234567}), as blind indexes see it. What a cashier types is
 * parsed with Google's libphonenumber: numbers without a country code are read as Russian ({@code 8
 * 916 123-45-67} and {@code 9161234567} become {@code +79161234567}), and only numbers valid for
 * their country's numbering plan are accepted.
 */
public record PhoneNumber(String e164) {
  /** The region assumed for numbers written without a country code. */
  public static final String DEFAULT_REGION = "RU";

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  public PhoneNumber {
    if (e164 == null || !e164.matches("\\+[1-9][0-9]{6,14}")) {
      throw new IllegalArgumentException("not an E.164 phone number");
    }
  }

  /** The number as written by a person, or empty when it is not a valid phone number. */
  public static Optional<PhoneNumber> parse(String text) {
    if (text == null || text.isBlank() || text.length() > 32) {
      return Optional.empty();
    }
    try {
      var number = PHONES.parse(text.strip(), DEFAULT_REGION);
      if (!PHONES.isValidNumber(number)) {
        return Optional.empty();
      }
      String e164 = PHONES.format(number, PhoneNumberFormat.E164);
      return Optional.of(new PhoneNumber(e164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "PhoneNumber[redacted]";
  }
}
