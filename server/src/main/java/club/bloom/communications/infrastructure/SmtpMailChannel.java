package club.bloom.communications.infrastructure;

import club.bloom.communications.domain.Channel;
import club.bloom.communications.domain.Delivery;
import club.bloom.communications.domain.DeliveryChannel;
import club.bloom.communications.domain.Payload;
import club.bloom.shared.domain.OutgoingMail;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Mail through Liberty's mail session {@code mail/bloom} (SMTP from {@code BLOOM_SMTP_*}), each
 * message with the stable {@code Message-ID} {@code <outbox id@sender's domain>}: a message sent
 * twice (a dispatcher that died between the relay's acceptance and recording it) carries the same
 * id both times, which mail systems use to drop duplicates.
 *
 * <p>Failures are described by exception classes and SMTP reply codes only: a server's text may
 * quote the address. The recipient's server refusing the address (5xx to {@code RCPT TO}) or an
 * address that does not parse ends the message at once; anything else (relay down, 4xx, 5xx to our
 * own authentication or sender — a configuration to fix) is retried.
 */
@ApplicationScoped
public class SmtpMailChannel implements DeliveryChannel {
  @Resource(lookup = "mail/bloom")
  Session session;

  @Override
  public Channel channel() {
    return Channel.MAIL;
  }

  @Override
  public Delivery deliver(UUID messageId, Payload payload) {
    OutgoingMail mail = ((Payload.Mail) payload).mail();
    MimeMessage message = new StableIdMessage(session, messageId(messageId, session));
    try {
      message.setFrom();
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
      message.setSubject(mail.subject(), "UTF-8");
      message.setText(mail.text(), "UTF-8");
    } catch (AddressException e) {
      return Delivery.permanentFailure("the recipient's address does not parse");
    } catch (MessagingException e) {
      return Delivery.transientFailure("could not compose: " + describe(e));
    }
    try {
      Transport.send(message);
      return Delivery.delivered();
    } catch (MessagingException e) {
      return classify(e);
    }
  }

  /** {@code <id@domain>}, the domain of the session's sender address ({@code bloom.mail.from}). */
  static String messageId(UUID id, Session session) {
    String domain = "bloom.local";
    String from = session == null ? null : session.getProperty("mail.from");
    if (from != null) {
      try {
        String address = new InternetAddress(from).getAddress();
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at > 0 && at < address.length() - 1) {
          domain = address.substring(at + 1);
        }
      } catch (AddressException e) {
        // keep the default
      }
    }
    return "<" + id + "@" + domain + ">";
  }

  /** Permanent only when the recipient's address is refused for good; see the class comment. */
  static Delivery.Failed classify(Throwable failure) {
    String reason = describe(failure);
    for (Throwable t : chain(failure)) {
      Integer code = returnCode(t);
      if (code != null
          && code >= 500
          && code < 600
          && t.getClass().getSimpleName().equals("SMTPAddressFailedException")) {
        return Delivery.permanentFailure(reason);
      }
      if (t instanceof AddressException) {
        return Delivery.permanentFailure(reason);
      }
    }
    return Delivery.transientFailure(reason);
  }

  /** Class names and SMTP codes along the chain of causes; never a message. */
  static String describe(Throwable failure) {
    List<String> parts = new ArrayList<>();
    for (Throwable t : chain(failure)) {
      Integer code = returnCode(t);
      parts.add(t.getClass().getName() + (code == null ? "" : " (SMTP " + code + ")"));
    }
    return String.join(" caused by ", parts);
  }

  private static List<Throwable> chain(Throwable failure) {
    Set<Throwable> seen = new LinkedHashSet<>();
    Throwable t = failure;
    while (t != null && seen.add(t) && seen.size() < 8) {
      Throwable next = t.getCause();
      if (next == null && t instanceof MessagingException m) {
        next = m.getNextException();
      }
      t = next;
    }
    return new ArrayList<>(seen);
  }

  /** The SMTP reply code of the mail implementation's exceptions, which are not API classes. */
  private static Integer returnCode(Throwable t) {
    try {
      Method m = t.getClass().getMethod("getReturnCode");
      Object code = m.invoke(t);
      return code instanceof Integer i && i > 0 ? i : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** A message whose {@code Message-ID} is ours, not one made up on every save. */
  static final class StableIdMessage extends MimeMessage {
    private final String id;

    StableIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
