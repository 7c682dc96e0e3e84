package club.bloom.shared.domain;

import java.util.Objects;

/**
 * A text message (SMS) to one phone number (E.164). The number is personal data: it is never
 * logged; {@code kind} names the message in logs instead.
 */
public record OutgoingTextMessage(String kind, String to, String text) {
  public OutgoingTextMessage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(text, "text");
  }

  @Override
  public String toString() {
    return "OutgoingTextMessage[" + kind + "]";
  }
}
