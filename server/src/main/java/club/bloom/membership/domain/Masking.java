package club.bloom.membership.domain;

import java.time.LocalDate;

/**
 * The masked forms of personal fields: enough to recognise a person one is talking to, too little
 * to contact or identify them.
 *
 * <ul>
 *   <li>a name: its first letter and a dot ({@code Анна} → {@code А.});
 *   <li>a phone: the first two characters and the last four digits ({@code +79161234567} → {@code
 *       +7******4567});
 *   <li>an e-mail: the first letter of the mailbox and of the domain, and the top-level domain
 *       ({@code anna@bloomandcare.ru} → {@code a***@b***.ru});
 *   <li>a birthday: day and month without the year, ISO 8601 style ({@code --03-08}).
 * </ul>
 */
public final class Masking {
  private Masking() {}

  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    int first = name.strip().codePointAt(0);
    return new String(Character.toChars(first)) + ".";
  }

  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    if (phone.length() <= 6) {
      return "*".repeat(phone.length());
    }
    return phone.substring(0, 2)
        + "*".repeat(phone.length() - 6)
        + phone.substring(phone.length() - 4);
  }

  public static String email(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    if (at <= 0 || at == email.length() - 1) {
      return "***";
    }
    String domain = email.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    String top = dot > 0 ? domain.substring(dot) : "";
    return email.charAt(0) + "***@" + domain.charAt(0) + "***" + top;
  }

  public static String birthday(LocalDate birthday) {
    if (birthday == null) {
      return null;
    }
    return String.format("--%02d-%02d", birthday.getMonthValue(), birthday.getDayOfMonth());
  }
}
