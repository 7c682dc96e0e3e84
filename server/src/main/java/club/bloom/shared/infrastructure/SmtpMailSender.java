package club.bloom.shared.infrastructure;

import club.bloom.shared.domain.OutgoingMail;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the {@link OutgoingMail} events an application service fires, through Liberty's mail
 * session {@code mail/bloom} (SMTP from {@code BLOOM_SMTP_*}), only once the firing transaction has
 * committed — a rolled-back request sends nothing — and off the request thread, with three
 * attempts. Fired outside a transaction, the mail goes at once.
 *
 * <p>Mail is not queued durably: a message that fails three times is logged (by kind, never the
 * address) and lost, and the user asks again (a new code, a new link). See ADR 0017.
 */
@ApplicationScoped
public class SmtpMailSender {
  private static final Logger LOG = Logger.getLogger(SmtpMailSender.class.getName());
  private static final int ATTEMPTS = 3;

  @Resource(lookup = "mail/bloom")
  Session session;

  @Resource ManagedExecutorService executor;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutgoingMail mail) {
    executor.execute(() -> deliver(mail));
  }

  private void deliver(OutgoingMail mail) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        MimeMessage message = new MimeMessage(session);
        message.setFrom();
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.text(), "UTF-8");
        Transport.send(message);
        return;
      } catch (MessagingException e) {
        LOG.log(
            attempt == ATTEMPTS ? Level.SEVERE : Level.WARNING,
            "mail "
                + mail.kind()
                + " not sent (attempt "
                + attempt
                + " of "
                + ATTEMPTS
                + "): "
                // Not the message: it may carry the address, which is personal data.
                + e.getClass().getName()
                + (e.getCause() == null ? "" : " caused by " + e.getCause().getClass().getName()));
        if (attempt < ATTEMPTS) {
          sleep(Duration.ofSeconds(attempt * 2L));
        }
      }
    }
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
