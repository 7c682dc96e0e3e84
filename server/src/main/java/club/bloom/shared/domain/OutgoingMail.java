package club.bloom.shared.domain;

import java.util.Objects;

/**
 * A plain-text e-mail to one recipient. The address is personal data: it is never logged; {@code
 * kind} names the message in logs instead (e.g. {@code redemption-code}).
 */
public record OutgoingMail(String kind, String to, String subject, String text) {
  public OutgoingMail {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return "OutgoingMail[" + kind + "]";
  }

  /** {@code anna@example.org} → {@code a***@example.org}: enough for the member to recognise it. */
  public static String masked(String address) {
    int at = address.indexOf('@');
    if (at <= 0) {
      return "***";
    }
    return address.charAt(0) + "***" + address.substring(at);
  }
}
