package club.bloom.membership.domain;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A member's personal fields (152-FZ personal data). Never stored or logged in the clear. A member
 * registered at a counter may have only a phone (and a first name or an e-mail): the other fields
 * are null.
 */
public record PersonalData(
    String firstName, String lastName, String phone, String email, LocalDate birthday) {

  /** E.164 phone, as the blind index sees it. */
  public String normalizedPhone() {
    return normalizePhone(phone);
  }

  public String normalizedEmail() {
    return normalizeEmail(email);
  }

  /** A phone as its blind index is computed: digits and the leading plus only. */
  public static String normalizePhone(String phone) {
    if (phone == null) {
      return null;
    }
    return phone.replaceAll("[^+0-9]", "");
  }

  /** An e-mail as its blind index is computed: stripped, lower-case. */
  public static String normalizeEmail(String email) {
    if (email == null) {
      return null;
    }
    return email.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "PersonalData[redacted]";
  }
}
