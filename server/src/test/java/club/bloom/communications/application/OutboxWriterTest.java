package club.bloom.communications.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.communications.domain.Channel;
import club.bloom.communications.domain.Payload;
import club.bloom.communications.infrastructure.MasterKeyPayloadSeal;
import club.bloom.shared.domain.OutgoingMail;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The observer writes a sealed row in the firing transaction, and wakes the dispatcher after. */
class OutboxWriterTest {
  private static final String KEY = "ZGV2LW9ubHktbWFzdGVyLWtleS0zMi1ieXRlcyEhISE=";

  private final OutboxDispatcherTest.MemoryOutbox outbox = new OutboxDispatcherTest.MemoryOutbox();
  private final FakeTransactions transactions = new FakeTransactions();
  private final List<String> wakes = new ArrayList<>();
  private final OutboxWriter writer = new OutboxWriter();
  private final MasterKeyPayloadSeal seal = new MasterKeyPayloadSeal(KEY);

  @BeforeEach
  void wire() {
    writer.outbox = outbox;
    writer.seal = seal;
    writer.transactions = transactions;
    writer.dispatcher =
        new OutboxDispatcher() {
          @Override
          public void wake() {
            wakes.add("wake");
          }
        };
  }

  @Test
  void aMailFiredInATransactionBecomesASealedPendingRow() {
    transactions.status = Status.STATUS_ACTIVE;

    writer.onMail(mail("anna@example.org"));

    assertEquals(1, outbox.rows.size());
    OutboxDispatcherTest.MemoryOutbox.Row row = outbox.rows.values().iterator().next();
    assertEquals("PENDING", row.status);
    assertEquals("redemption-code", row.kind);
    String stored = new String(row.payload, StandardCharsets.ISO_8859_1);
    assertFalse(stored.contains("anna@example.org"), "the address is not stored in clear");
    assertFalse(stored.contains("123456"), "nor the text");
    Payload opened = seal.open(row.id, Channel.MAIL, row.kind, row.payload);
    assertEquals("anna@example.org", ((Payload.Mail) opened).mail().to());
  }

  @Test
  void theDispatcherIsWokenOnceAfterTheCommitOnly() {
    transactions.status = Status.STATUS_ACTIVE;
    writer.onMail(mail("a@example.org"));
    writer.onMail(mail("b@example.org"));
    assertTrue(wakes.isEmpty(), "not before the commit");
    assertEquals(1, transactions.synchronizations.size(), "one wake-up per transaction");

    transactions.complete(Status.STATUS_COMMITTED);
    assertEquals(List.of("wake"), wakes);
  }

  @Test
  void aRolledBackTransactionWakesNothing() {
    transactions.status = Status.STATUS_ACTIVE;
    writer.onMail(mail("a@example.org"));
    transactions.complete(Status.STATUS_ROLLEDBACK);
    assertTrue(wakes.isEmpty());
  }

  @Test
  void aMailFiredOutsideATransactionIsRefused() {
    transactions.status = Status.STATUS_NO_TRANSACTION;
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> writer.onMail(mail("a@example.org")));
    assertTrue(refused.getMessage().contains("outside a transaction"));
    assertFalse(refused.getMessage().contains("a@example.org"), "no address in the message");
    assertTrue(outbox.rows.isEmpty());
  }

  @Test
  void aMailFiredInATransactionMarkedForRollbackIsNotWritten() {
    transactions.status = Status.STATUS_MARKED_ROLLBACK;
    writer.onMail(mail("a@example.org"));
    assertTrue(outbox.rows.isEmpty());
  }

  private static OutgoingMail mail(String to) {
    return new OutgoingMail("redemption-code", to, "Your code: 123456", "Code 123456");
  }

  /** One transaction's registry. */
  static final class FakeTransactions implements TransactionSynchronizationRegistry {
    int status = Status.STATUS_NO_TRANSACTION;
    final Map<Object, Object> resources = new HashMap<>();
    final List<Synchronization> synchronizations = new ArrayList<>();

    void complete(int outcome) {
      synchronizations.forEach(s -> s.afterCompletion(outcome));
    }

    @Override
    public Object getTransactionKey() {
      return status == Status.STATUS_NO_TRANSACTION ? null : UUID.randomUUID();
    }

    @Override
    public void putResource(Object key, Object value) {
      resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
      return resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
      return status;
    }

    @Override
    public void setRollbackOnly() {
      status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public boolean getRollbackOnly() {
      return status == Status.STATUS_MARKED_ROLLBACK;
    }
  }
}
