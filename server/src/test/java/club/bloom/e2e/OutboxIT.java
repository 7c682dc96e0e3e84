package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.SignUpRequest;
import club.bloom.e2e.OutboxRows.Row;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox on the real stack (ADR 0032), with the sign-up's verification mail as
 * the message: written in the request's transaction, delivered once over real SMTP with the row's
 * id as its Message-ID, nothing for a rolled-back request, retried while SMTP is down, and taken
 * over from a dispatcher that died holding it once its lease has run out.
 */
class OutboxIT {
  private static final String KIND = "signup-verification";

  @Test
  void aMailWrittenByARequestArrivesOnceUnderItsRowsId() throws Exception {
    Timestamp t0 = OutboxRows.now();
    SignUpRequest request = application();

    Fixtures.anonymous().signup().applyForSignUp(request);

    Mailbox inbox = Mailbox.of(request.getAdminEmail());
    Mailbox.Mail mail = inbox.awaitMail(m -> m.subject().contains(request.getName()));
    UUID id = OutboxRows.idOf(mail.messageId());
    Row row = OutboxRows.await(id, r -> r.status().equals("DELIVERED"), Duration.ofSeconds(30));
    assertEquals("MAIL", row.channel());
    assertEquals(KIND, row.kind());
    assertFalse(row.hasPayload(), "the address and text are erased once delivered");
    assertEquals(1, row.attempts());
    assertNull(row.lastError());
    assertEquals(List.of(row), OutboxRows.since(t0, KIND), "one row for the one mail");
    // Delivered is final: no dispatcher attempts the row again, so one mail is all there will be.
    assertEquals(1, inbox.all(m -> true).size());
  }

  @Test
  void aRequestThatRollsBackAtCommitSendsNothing() throws Exception {
    // Refuses, at COMMIT, a sign-up whose slug starts with "rollback-": the request gets through
    // to the end (the mail is fired and its outbox row written) and its transaction then fails.
    try (Connection db = Fixtures.db();
        Statement st = db.createStatement()) {
      st.execute(
          "CREATE OR REPLACE FUNCTION platform.outbox_it_refuse() RETURNS trigger LANGUAGE plpgsql"
              + " AS $$ BEGIN RAISE EXCEPTION 'refused at commit by OutboxIT'; END $$");
      st.execute("DROP TRIGGER IF EXISTS outbox_it_refuse ON platform.signup");
      st.execute(
          "CREATE CONSTRAINT TRIGGER outbox_it_refuse AFTER INSERT ON platform.signup"
              + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.slug LIKE 'rollback-%')"
              + " EXECUTE FUNCTION platform.outbox_it_refuse()");
    }
    Timestamp t0 = OutboxRows.now();
    String slug = Fixtures.unique("rollback");
    SignUpRequest refused = application(slug);
    try {
      ApiException e = failing(() -> Fixtures.anonymous().signup().applyForSignUp(refused));
      assertEquals(500, e.getCode(), e.getResponseBody());
    } finally {
      try (Connection db = Fixtures.db();
          Statement st = db.createStatement()) {
        st.execute("DROP TRIGGER IF EXISTS outbox_it_refuse ON platform.signup");
        st.execute("DROP FUNCTION IF EXISTS platform.outbox_it_refuse()");
      }
    }
    try (Connection db = Fixtures.db();
        Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT count(*) FROM platform.signup WHERE slug = '" + slug + "'")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "the fact rolled back");
    }
    // A request after it is delivered: the dispatcher runs, and it never saw the first mail.
    SignUpRequest control = application();
    Fixtures.anonymous().signup().applyForSignUp(control);
    Mailbox.of(control.getAdminEmail()).awaitMail(m -> m.subject().contains(control.getName()));
    List<Row> rows = OutboxRows.since(t0, KIND);
    assertEquals(1, rows.size(), "only the control's row: " + rows);
    assertEquals(0, Mailbox.of(refused.getAdminEmail()).count(), "nothing sent for the rollback");
  }

  @Test
  void whileSmtpIsDownTheMailIsRetriedAndWhenItIsBackItArrivesOnce() throws Exception {
    Timestamp t0 = OutboxRows.now();
    SignUpRequest request = application();
    Row failing;
    StackControl.smtpDown();
    try {
      Fixtures.anonymous().signup().applyForSignUp(request);
      failing =
          OutboxRows.awaitOnly(
              t0, KIND, r -> r.attempts() >= 3 && r.lastError() != null, Duration.ofSeconds(60));
      assertEquals("PENDING", failing.status());
      assertTrue(failing.hasPayload(), "kept for the next attempt");
      assertTrue(failing.lastError().contains("ConnectException"), failing.lastError());
      assertFalse(failing.lastError().contains("@"), "no address: " + failing.lastError());
      assertEquals(0, Mailbox.of(request.getAdminEmail()).count());
    } finally {
      StackControl.smtpUp();
    }
    Mailbox inbox = Mailbox.of(request.getAdminEmail());
    Mailbox.Mail mail = inbox.awaitMail(m -> m.subject().contains(request.getName()));
    assertEquals(failing.id(), OutboxRows.idOf(mail.messageId()));
    Row delivered =
        OutboxRows.await(failing.id(), r -> r.status().equals("DELIVERED"), Duration.ofSeconds(30));
    assertTrue(delivered.attempts() > failing.attempts());
    assertFalse(delivered.hasPayload());
    assertEquals(1, inbox.all(m -> true).size(), "once");
  }

  @Test
  void aRowHeldByADispatcherThatDiedIsDeliveredByAnotherOnceItsLeaseRunsOut() throws Exception {
    Timestamp t0 = OutboxRows.now();
    SignUpRequest request = application();
    Row pending;
    StackControl.smtpDown();
    try {
      Fixtures.anonymous().signup().applyForSignUp(request);
      pending = OutboxRows.awaitOnly(t0, KIND, r -> r.attempts() >= 1, Duration.ofSeconds(60));
      // As a replica leaves a row it had claimed when it is killed mid-attempt: its claim, and
      // its lease running 12 s from now.
      assertEquals(
          1,
          OutboxRows.update(
              "UPDATE platform.outbox_message SET claim_token = gen_random_uuid(),"
                  + " claimed_by = 'crashed-replica', attempts = attempts + 1,"
                  + " next_attempt_at = statement_timestamp() + interval '12 seconds'"
                  + " WHERE id = ? AND status = 'PENDING'",
              pending.id()));
    } finally {
      StackControl.smtpUp();
    }
    Mailbox inbox = Mailbox.of(request.getAdminEmail());
    // SMTP is back and the live dispatcher polls every 2 s, but the lease holds it off.
    OutboxRows.sleep(6000);
    assertEquals(0, inbox.count(), "not taken while the dead dispatcher's lease runs");
    Row held = OutboxRows.byId(pending.id()).orElseThrow();
    assertEquals("crashed-replica", held.claimedBy());
    assertEquals("PENDING", held.status());

    Mailbox.Mail mail = inbox.awaitMail(m -> m.subject().contains(request.getName()));
    assertEquals(pending.id(), OutboxRows.idOf(mail.messageId()));
    Row delivered =
        OutboxRows.await(pending.id(), r -> r.status().equals("DELIVERED"), Duration.ofSeconds(30));
    assertNotEquals("crashed-replica", delivered.claimedBy(), "taken over by a live dispatcher");
    assertEquals(held.attempts() + 1, delivered.attempts());
    assertEquals(1, inbox.all(m -> true).size(), "once");
  }

  @Test
  void theLivenessCheckShowsTheOutboxsFiguresAndStaysUp() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    StackControl.await(
        "the outbox's figures in /health/live",
        () -> {
          try {
            var response =
                http.send(
                    java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(Fixtures.STACK.bloomUrl() + "/health/live"))
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            for (var check : Fixtures.JSON.readTree(response.body()).path("checks")) {
              if (check.path("name").asText().equals("outbox")) {
                assertEquals("UP", check.path("status").asText());
                return check.path("data").has("pending") && check.path("data").has("failedLast24h");
              }
            }
            return false;
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
          }
        },
        Duration.ofSeconds(45));
  }

  static SignUpRequest application() {
    return application(Fixtures.unique("outbox"));
  }

  static SignUpRequest application(String slug) {
    return SignUpIT.application("club", slug, slug + "@outbox.test");
  }
}
