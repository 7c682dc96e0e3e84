package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.SignUpRequest;
import club.bloom.e2e.OutboxRows.Row;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Liberty killed with SIGKILL after the transaction that wrote a mail committed and before the mail
 * could leave (SMTP is down): after the restart the row is still there, and the mail arrives once
 * (ADR 0032). The supervisor of the local stack kills and restarts Liberty on request.
 */
class OutboxCrashIT {
  private static final String KIND = "signup-verification";

  @Test
  void aMailCommittedBeforeLibertyWasKilledIsDeliveredAfterTheRestart() throws Exception {
    Timestamp t0 = OutboxRows.now();
    SignUpRequest request = OutboxIT.application();
    Row committed;
    StackControl.smtpDown();
    try {
      Fixtures.anonymous().signup().applyForSignUp(request);
      committed = OutboxRows.awaitOnly(t0, KIND, r -> r.attempts() >= 1, Duration.ofSeconds(60));

      StackControl.killLibertyAndAwaitRestart();

      Row afterRestart = OutboxRows.byId(committed.id()).orElseThrow();
      assertEquals("PENDING", afterRestart.status(), "not delivered: SMTP is still down");
      assertTrue(afterRestart.hasPayload(), "the mail survived the crash");
      assertEquals(0, Mailbox.of(request.getAdminEmail()).count());
    } finally {
      StackControl.smtpUp();
    }
    Mailbox inbox = Mailbox.of(request.getAdminEmail());
    Mailbox.Mail mail = inbox.awaitMail(m -> m.subject().contains(request.getName()));
    assertEquals(committed.id(), OutboxRows.idOf(mail.messageId()));
    Row delivered =
        OutboxRows.await(
            committed.id(), r -> r.status().equals("DELIVERED"), Duration.ofSeconds(60));
    assertFalse(delivered.hasPayload());
    assertEquals(1, inbox.all(m -> true).size(), "once");
  }
}
