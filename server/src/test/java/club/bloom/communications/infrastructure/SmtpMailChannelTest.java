package club.bloom.communications.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.communications.domain.Delivery;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How SMTP failures are told apart and described (never with a server's text). */
class SmtpMailChannelTest {

  /** Named like the mail implementation's class, which carries the SMTP reply code. */
  static final class SMTPAddressFailedException extends SendFailedException {
    private static final long serialVersionUID = 1L;
    private final int code;

    SMTPAddressFailedException(int code, String message) {
      super(message);
      this.code = code;
    }

    public int getReturnCode() {
      return code;
    }
  }

  static final class SMTPSendFailedException extends SendFailedException {
    private static final long serialVersionUID = 1L;
    private final int code;

    SMTPSendFailedException(int code, String message, Exception next) {
      super(message, next);
      this.code = code;
    }

    public int getReturnCode() {
      return code;
    }
  }

  @Test
  void aRelayThatIsDownIsRetried() {
    Delivery.Failed failed =
        SmtpMailChannel.classify(
            new MessagingException("Couldn't connect to host", new ConnectException("refused")));
    assertFalse(failed.permanent());
    assertEquals(
        "jakarta.mail.MessagingException caused by java.net.ConnectException", failed.reason());
  }

  @Test
  void aRecipientRefusedForGoodEndsTheMessage() {
    Delivery.Failed failed =
        SmtpMailChannel.classify(
            new SMTPSendFailedException(
                550,
                "550 5.1.1 <anna@example.org>: user unknown",
                new SMTPAddressFailedException(550, "550 <anna@example.org> unknown")));
    assertTrue(failed.permanent());
    assertFalse(failed.reason().contains("anna"), "no address: " + failed.reason());
    assertTrue(failed.reason().contains("SMTP 550"), failed.reason());
  }

  @Test
  void aRecipientRefusedForNowIsRetried() {
    assertFalse(
        SmtpMailChannel.classify(new SMTPAddressFailedException(450, "mailbox busy")).permanent());
  }

  @Test
  void ourOwnAuthenticationRefusedIsRetriedForTheConfigurationToBeFixed() {
    assertFalse(
        SmtpMailChannel.classify(new SMTPSendFailedException(535, "auth failed", null))
            .permanent());
  }

  @Test
  void anAddressThatDoesNotParseEndsTheMessage() {
    assertTrue(
        SmtpMailChannel.classify(new AddressException("bad <anna@@example.org>")).permanent());
  }

  @Test
  void theMessageIdIsTheRowsIdAtTheSendersDomain() {
    Properties props = new Properties();
    props.put("mail.from", "Bloom <no-reply@bloom.example.ru>");
    UUID id = UUID.fromString("0b7c6a1e-2f4c-4a53-9a8e-3b1f6c0d2e11");
    assertEquals(
        "<0b7c6a1e-2f4c-4a53-9a8e-3b1f6c0d2e11@bloom.example.ru>",
        SmtpMailChannel.messageId(id, Session.getInstance(props)));
    assertEquals(
        "<0b7c6a1e-2f4c-4a53-9a8e-3b1f6c0d2e11@bloom.local>",
        SmtpMailChannel.messageId(id, Session.getInstance(new Properties())));
  }

  @Test
  void theMessageKeepsItsIdWhenSaved() throws Exception {
    Session session = Session.getInstance(new Properties());
    var message = new SmtpMailChannel.StableIdMessage(session, "<x-1@bloom.local>");
    message.setText("t");
    message.saveChanges();
    message.saveChanges();
    assertEquals("<x-1@bloom.local>", message.getMessageID());
  }
}
