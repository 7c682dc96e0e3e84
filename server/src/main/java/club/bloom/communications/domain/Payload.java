package club.bloom.communications.domain;

import club.bloom.shared.domain.OutgoingMail;
import club.bloom.shared.domain.OutgoingTextMessage;
import java.util.Objects;

/**
 * What an outbox row carries to its channel. It holds personal data (an address, a text with a code
 * or a link): it is stored only sealed, and its {@code toString} names the kind only.
 */
public sealed interface Payload {
  Channel channel();

  /** What the message is, for logs and operations ({@code redemption-code}…); never PD. */
  String kind();

  static Payload of(OutgoingMail mail) {
    return new Mail(mail);
  }

  static Payload of(OutgoingTextMessage message) {
    return new Text(message);
  }

  /** An e-mail. */
  record Mail(OutgoingMail mail) implements Payload {
    public Mail {
      Objects.requireNonNull(mail, "mail");
    }

    @Override
    public Channel channel() {
      return Channel.MAIL;
    }

    @Override
    public String kind() {
      return mail.kind();
    }

    @Override
    public String toString() {
      return "mail " + mail.kind();
    }
  }

  /** A text message (SMS). */
  record Text(OutgoingTextMessage message) implements Payload {
    public Text {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public Channel channel() {
      return Channel.TEXT;
    }

    @Override
    public String kind() {
      return message.kind();
    }

    @Override
    public String toString() {
      return "text message " + message.kind();
    }
  }
}
