package club.bloom.communications.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.communications.domain.Channel;
import club.bloom.communications.domain.ClaimedMessage;
import club.bloom.communications.domain.Delivery;
import club.bloom.communications.domain.DeliveryChannel;
import club.bloom.communications.domain.Outbox;
import club.bloom.communications.domain.OutboxStats;
import club.bloom.communications.domain.Payload;
import club.bloom.communications.infrastructure.MasterKeyPayloadSeal;
import club.bloom.shared.domain.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the dispatcher records after each attempt, with the table in memory and a fake channel. */
class OutboxDispatcherTest {
  private static final String KEY = "ZGV2LW9ubHktbWFzdGVyLWtleS0zMi1ieXRlcyEhISE=";

  private final MemoryOutbox outbox = new MemoryOutbox();
  private final MasterKeyPayloadSeal seal = new MasterKeyPayloadSeal(KEY);
  private final ScriptedChannel mail = new ScriptedChannel();
  private final AtomicLong nanos = new AtomicLong();
  private final OutboxDispatcher dispatcher = new OutboxDispatcher();

  @BeforeEach
  void wire() {
    dispatcher.outbox = outbox;
    dispatcher.seal = seal;
    dispatcher.pollIntervalMs = 1000;
    dispatcher.batchSize = 2;
    dispatcher.leaseSeconds = 120;
    dispatcher.retryFirstSeconds = 5;
    dispatcher.retryMaxSeconds = 3600;
    dispatcher.giveUpAfterHours = 72;
    dispatcher.random = new Random(1);
    dispatcher.nanoTime = nanos::get;
    dispatcher.platformReady = () -> true;
    dispatcher.configure(List.of(mail));
  }

  @Test
  void aDeliveredRowIsMarkedDeliveredAndItsPayloadErased() {
    UUID id = write("anna@example.org");
    mail.script.add(Delivery.delivered());

    dispatcher.drain();

    MemoryOutbox.Row row = outbox.rows.get(id);
    assertEquals("DELIVERED", row.status);
    assertNull(row.payload, "the payload is erased");
    assertEquals(1, row.attempts);
    assertEquals(List.of(id), mail.delivered, "delivered under the row's id");
    assertEquals("anna@example.org", mail.recipients.get(0));
  }

  @Test
  void aTransientFailureKeepsTheRowPendingUntilTheBackoffHasPassed() {
    UUID id = write("anna@example.org");
    mail.script.add(Delivery.transientFailure("java.net.ConnectException"));

    dispatcher.drain();

    MemoryOutbox.Row row = outbox.rows.get(id);
    assertEquals("PENDING", row.status);
    assertEquals("java.net.ConnectException", row.lastError);
    assertTrue(row.payload != null, "kept for the next attempt");
    Duration delay = Duration.between(outbox.now, row.nextAttemptAt);
    assertTrue(
        delay.compareTo(Duration.ofMillis(2500)) >= 0
            && delay.compareTo(Duration.ofSeconds(5)) <= 0,
        "first retry after 2.5-5 s: " + delay);

    dispatcher.drain();
    assertEquals(1, mail.attempts, "not due yet: not attempted again");

    outbox.now = row.nextAttemptAt;
    mail.script.add(Delivery.delivered());
    dispatcher.drain();
    assertEquals("DELIVERED", outbox.rows.get(id).status);
    assertEquals(2, outbox.rows.get(id).attempts);
  }

  @Test
  void aPermanentFailureEndsTheRowFailedWithItsErrorAndWithoutItsPayload() {
    UUID id = write("not-a-real-mailbox@example.org");
    mail.script.add(Delivery.permanentFailure("SMTPAddressFailedException (SMTP 550)"));

    dispatcher.drain();

    MemoryOutbox.Row row = outbox.rows.get(id);
    assertEquals("FAILED", row.status);
    assertNull(row.payload);
    assertEquals("permanent: SMTPAddressFailedException (SMTP 550)", row.lastError);
    assertFalse(row.lastError.contains("example.org"), "no address in the error");
    assertEquals(List.of("permanent " + id), mail.gaveUp);
  }

  @Test
  void aRowThatKeepsFailingEndsFailedAfterDaysOfRetries() {
    UUID id = write("anna@example.org");
    Instant created = outbox.now;
    int attempts = 0;
    while (outbox.rows.get(id).status.equals("PENDING")) {
      outbox.now = outbox.rows.get(id).nextAttemptAt;
      mail.script.add(Delivery.transientFailure("java.net.ConnectException"));
      dispatcher.drain();
      attempts++;
      assertTrue(attempts < 500, "it ends");
    }
    MemoryOutbox.Row row = outbox.rows.get(id);
    assertEquals("FAILED", row.status);
    assertNull(row.payload);
    assertTrue(row.lastError.startsWith("gave up after " + attempts + " attempts"), row.lastError);
    assertTrue(Duration.between(created, outbox.now).toHours() >= 70, "for days");
    assertEquals(List.of("exhausted " + id), mail.gaveUp, "the channel is told, once");
  }

  @Test
  void aPayloadThatDoesNotOpenFailsTheRowWithoutAttemptingIt() {
    UUID id = write("anna@example.org");
    outbox.rows.get(id).payload[20] ^= 1;

    dispatcher.drain();

    assertEquals("FAILED", outbox.rows.get(id).status);
    assertTrue(outbox.rows.get(id).lastError.startsWith("payload cannot be opened"));
    assertEquals(0, mail.attempts);
  }

  @Test
  void aChannelThatThrowsCountsAsATransientFailure() {
    UUID id = write("anna@example.org");
    mail.throwing = true;

    dispatcher.drain();

    assertEquals("PENDING", outbox.rows.get(id).status);
    assertEquals("java.lang.IllegalStateException", outbox.rows.get(id).lastError);
  }

  @Test
  void rowsLeftWhenTooLittleOfTheLeaseRemainsAreReleasedUntried() {
    UUID first = write("a@example.org");
    UUID second = write("b@example.org");
    mail.script.add(Delivery.delivered());
    // The first delivery takes 61 s of a 120 s lease: the second must not start.
    mail.onDeliver = () -> nanos.addAndGet(Duration.ofSeconds(61).toNanos());
    dispatcher.batchSize = 2;

    dispatcher.drainBatch();

    assertEquals("DELIVERED", outbox.rows.get(first).status);
    MemoryOutbox.Row left = outbox.rows.get(second);
    assertEquals("PENDING", left.status);
    assertEquals(0, left.attempts, "released: the attempt does not count");
    assertNull(left.claim);
    assertEquals(outbox.now, left.nextAttemptAt, "due again at once");
  }

  @Test
  void aResultIsNotRecordedUnderALostClaim() {
    UUID id = write("anna@example.org");
    mail.script.add(Delivery.delivered());
    // While this dispatcher sends, its lease runs out and another claim takes the row.
    mail.onDeliver = () -> outbox.rows.get(id).claim = UUID.randomUUID();

    dispatcher.drain();

    assertEquals("PENDING", outbox.rows.get(id).status, "the other claim records its own result");
  }

  @Test
  void aDrainClaimsBatchAfterBatchUntilNoneIsDue() {
    for (int i = 0; i < 5; i++) {
      write("m" + i + "@example.org");
      mail.script.add(Delivery.delivered());
    }
    dispatcher.drain();
    assertEquals(5, mail.delivered.size());
    assertTrue(outbox.rows.values().stream().allMatch(r -> r.status.equals("DELIVERED")));
  }

  @Test
  void nothingIsClaimedBeforeThePlatformIsReady() {
    write("anna@example.org");
    dispatcher.platformReady = () -> false;
    dispatcher.drain();
    assertEquals(0, mail.attempts);
  }

  private UUID write(String to) {
    UUID id = UUID.randomUUID();
    Payload payload = Payload.of(new OutgoingMail("signup-verification", to, "Subject", "Text"));
    outbox.append(id, Channel.MAIL, payload.kind(), seal.seal(id, payload));
    return id;
  }

  /** A channel answering from a script. */
  static final class ScriptedChannel implements DeliveryChannel {
    final Deque<Delivery> script = new ArrayDeque<>();
    final List<UUID> delivered = new ArrayList<>();
    final List<String> recipients = new ArrayList<>();
    int attempts;
    boolean throwing;
    Runnable onDeliver = () -> {};
    final List<String> gaveUp = new ArrayList<>();

    @Override
    public void gaveUp(UUID messageId, Payload payload, boolean retriesExhausted, String reason) {
      gaveUp.add((retriesExhausted ? "exhausted " : "permanent ") + messageId);
    }

    @Override
    public Channel channel() {
      return Channel.MAIL;
    }

    @Override
    public Delivery deliver(UUID messageId, Payload payload) {
      attempts++;
      if (throwing) {
        throw new IllegalStateException("boom with anna@example.org");
      }
      onDeliver.run();
      Delivery result = script.removeFirst();
      if (result instanceof Delivery.Delivered) {
        delivered.add(messageId);
        recipients.add(((Payload.Mail) payload).mail().to());
      }
      return result;
    }
  }

  /** The table's semantics in memory, on a clock the test moves. */
  static final class MemoryOutbox implements Outbox {
    static final class Row {
      UUID id;
      String kind;
      String status = "PENDING";
      byte[] payload;
      int attempts;
      Instant nextAttemptAt;
      Instant createdAt;
      UUID claim;
      String lastError;
    }

    final Map<UUID, Row> rows = new LinkedHashMap<>();
    Instant now = Instant.parse("2026-11-24T10:00:00Z");

    @Override
    public void append(
        UUID id, Channel channel, String kind, byte[] sealedPayload, String orderingKey) {
      Row row = new Row();
      row.id = id;
      row.kind = kind;
      row.payload = sealedPayload;
      row.nextAttemptAt = now;
      row.createdAt = now;
      rows.put(id, row);
    }

    @Override
    public List<ClaimedMessage> claim(String replica, int limit, Duration lease) {
      List<ClaimedMessage> claimed = new ArrayList<>();
      for (Row row : rows.values()) {
        if (claimed.size() == limit) {
          break;
        }
        if (row.status.equals("PENDING") && !row.nextAttemptAt.isAfter(now)) {
          row.claim = UUID.randomUUID();
          row.attempts++;
          row.nextAttemptAt = now.plus(lease);
          claimed.add(
              new ClaimedMessage(
                  row.id,
                  Channel.MAIL,
                  row.kind,
                  row.attempts,
                  row.createdAt,
                  now,
                  row.claim,
                  row.payload.clone()));
        }
      }
      return claimed;
    }

    private Optional<Row> held(UUID id, UUID claim) {
      Row row = rows.get(id);
      return row != null && claim.equals(row.claim) && row.status.equals("PENDING")
          ? Optional.of(row)
          : Optional.empty();
    }

    @Override
    public boolean delivered(UUID id, UUID claim) {
      return held(id, claim)
          .map(
              r -> {
                r.status = "DELIVERED";
                r.payload = null;
                r.claim = null;
                return true;
              })
          .orElse(false);
    }

    @Override
    public boolean retry(UUID id, UUID claim, Duration delay, String error) {
      return held(id, claim)
          .map(
              r -> {
                r.lastError = error;
                r.claim = null;
                r.nextAttemptAt = now.plus(delay);
                return true;
              })
          .orElse(false);
    }

    @Override
    public boolean failed(UUID id, UUID claim, String error) {
      return held(id, claim)
          .map(
              r -> {
                r.status = "FAILED";
                r.payload = null;
                r.lastError = error;
                r.claim = null;
                return true;
              })
          .orElse(false);
    }

    @Override
    public boolean release(UUID id, UUID claim) {
      return held(id, claim)
          .map(
              r -> {
                r.claim = null;
                r.attempts--;
                r.nextAttemptAt = now;
                return true;
              })
          .orElse(false);
    }

    @Override
    public int purge(Duration keepDelivered, Duration keepFailed, int limit) {
      return 0;
    }

    @Override
    public OutboxStats stats() {
      return new OutboxStats(0, Optional.empty(), 0);
    }
  }
}
