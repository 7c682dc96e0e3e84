package club.bloom.e2e;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * A recipient's inbox on the stack's real mail server (GreenMail, started by DevStack), read over
 * IMAP the way a mail client would: what Bloom sent through SMTP, as it arrived.
 */
final class Mailbox {
  private static final int IMAP_PORT = Integer.getInteger("bloom.imap.port", 3143);

  private final String address;

  private Mailbox(String address) {
    this.address = address;
  }

  static Mailbox of(String address) {
    return new Mailbox(address);
  }

  /** One message as read: subject, plain text and its {@code Message-ID} header. */
  record Mail(String subject, String text, String messageId) {}

  /** Waits up to 30 s for a message whose subject the predicate accepts; returns the newest. */
  Mail await(Predicate<String> subject) {
    return awaitMail(m -> subject.test(m.subject()));
  }

  /** Waits up to 30 s for a message the predicate accepts; returns the newest. */
  Mail awaitMail(Predicate<Mail> wanted) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      Mail found = newest(wanted);
      if (found != null) {
        return found;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no mail for " + address + " matching the subject within 30 s");
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * Waits up to 30 s for a message the predicate accepts among those after the first {@code seen};
   * returns the newest.
   */
  Mail awaitNewMail(int seen, Predicate<Mail> wanted) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (count() <= seen) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no new mail for " + address + " within 30 s");
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return awaitMail(wanted);
  }

  /** How many messages the inbox holds now. */
  int count() {
    try (Store store = store()) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        return inbox.getMessageCount();
      } finally {
        inbox.close(false);
      }
    } catch (MessagingException e) {
      throw new AssertionError("cannot read the inbox of " + address, e);
    }
  }

  /** All messages the predicate accepts, oldest first. */
  java.util.List<Mail> all(Predicate<Mail> wanted) {
    java.util.List<Mail> found = new java.util.ArrayList<>();
    try (Store store = store()) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        for (Message message : inbox.getMessages()) {
          Mail mail = read(message);
          if (wanted.test(mail)) {
            found.add(mail);
          }
        }
        return found;
      } finally {
        inbox.close(false);
      }
    } catch (MessagingException | IOException e) {
      throw new AssertionError("cannot read the inbox of " + address, e);
    }
  }

  private static Mail read(Message message) throws MessagingException, IOException {
    String s = message.getSubject();
    String[] ids = message.getHeader("Message-ID");
    return new Mail(s == null ? "" : s, text(message.getContent()), ids == null ? null : ids[0]);
  }

  private Mail newest(Predicate<Mail> wanted) {
    try (Store store = store()) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        Message[] messages = inbox.getMessages();
        for (int i = messages.length - 1; i >= 0; i--) {
          Mail mail = read(messages[i]);
          if (wanted.test(mail)) {
            return mail;
          }
        }
        return null;
      } finally {
        inbox.close(false);
      }
    } catch (MessagingException | IOException e) {
      throw new AssertionError("cannot read the inbox of " + address, e);
    }
  }

  private Store store() throws MessagingException {
    Properties props = new Properties();
    props.put("mail.imap.host", "127.0.0.1");
    props.put("mail.imap.port", Integer.toString(IMAP_PORT));
    props.put("mail.imap.connectiontimeout", "5000");
    props.put("mail.imap.timeout", "5000");
    Store store = Session.getInstance(props).getStore("imap");
    // GreenMail runs with authentication disabled: the address logs in to its own mailbox.
    store.connect(address, address);
    return store;
  }

  private static String text(Object content) throws MessagingException, IOException {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof Multipart multipart) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        text.append(text(part.getContent()));
      }
      return text.toString();
    }
    return String.valueOf(content);
  }
}
