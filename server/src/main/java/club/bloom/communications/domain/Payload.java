package club.bloom.communications.domain;

import club.bloom.shared.domain.OutgoingMail;
import club.bloom.shared.domain.OutgoingTextMessage;
import java.util.Objects;
import java.util.UUID;

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

  static Payload webhook(UUID messageId, UUID endpointId, String eventType, boolean manual) {
    return new Webhook(messageId, endpointId, eventType, manual);
  }

  /**
   * A webhook delivery: which message (its id is the {@code webhook-id}) to which endpoint. The
   * body and the endpoint's URL and secrets are read at delivery, so a rotated secret signs at once
   * and a disabled endpoint receives nothing more. {@code manual}: a redelivery asked for by staff.
   */
  record Webhook(UUID messageId, UUID endpointId, String eventType, boolean manual)
      implements Payload {
    public Webhook {
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(endpointId, "endpointId");
      Objects.requireNonNull(eventType, "eventType");
    }

    @Override
    public Channel channel() {
      return Channel.WEBHOOK;
    }

    @Override
    public String kind() {
      return eventType;
    }

    @Override
    public String toString() {
      return "webhook " + eventType + " " + messageId;
    }
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
