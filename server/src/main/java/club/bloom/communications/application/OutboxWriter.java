package club.bloom.communications.application;

import club.bloom.communications.domain.Outbox;
import club.bloom.communications.domain.Payload;
import club.bloom.communications.domain.PayloadSeal;
import club.bloom.shared.domain.OutgoingMail;
import club.bloom.shared.domain.OutgoingTextMessage;
import club.bloom.shared.domain.TextMessageGateway;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Turns the {@link OutgoingMail} and {@link OutgoingTextMessage} events that application services
 * fire into outbox rows, <em>in</em> the firing transaction (ADR 0032): the row commits with the
 * fact or not at all. The payload is sealed before it is written. Once the transaction commits, the
 * local dispatcher is woken (off the request's thread), so mail leaves within moments; the request
 * itself pays one insert.
 *
 * <p>Fired outside a transaction, an event is refused ({@link IllegalStateException}): the message
 * would report a fact that is not atomic with it. Application services fire these events inside
 * their {@code @Transactional} methods. Fired in a transaction already marked for rollback, nothing
 * is written (nothing would commit).
 *
 * <p>A text message is written only when the installation has an SMS gateway; callers ask first
 * (ADR 0023), and without one it is logged by kind and dropped, as before.
 */
@ApplicationScoped
public class OutboxWriter {
  private static final Logger LOG = Logger.getLogger(OutboxWriter.class.getName());
  private static final Object WAKE_KEY = new Object();

  @Inject Outbox outbox;
  @Inject PayloadSeal seal;
  @Inject OutboxDispatcher dispatcher;
  @Inject Instance<TextMessageGateway> gateways;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  void onMail(@Observes(during = TransactionPhase.IN_PROGRESS) OutgoingMail mail) {
    write(Payload.of(mail));
  }

  void onTextMessage(@Observes(during = TransactionPhase.IN_PROGRESS) OutgoingTextMessage message) {
    if (!gateways.isResolvable()) {
      LOG.warning(() -> "no SMS gateway: " + message + " not sent");
      return;
    }
    write(Payload.of(message));
  }

  /** Writes the row in the current transaction; its id is the message's stable id. */
  Optional<UUID> write(Payload payload) {
    return write(payload, null);
  }

  /**
   * Writes the row in the current transaction, in order with the earlier pending rows of {@code
   * orderingKey} (null: no order). Other contexts (webhooks, ADR 0042) write their rows here.
   */
  public Optional<UUID> write(Payload payload, String orderingKey) {
    int status = transactions.getTransactionStatus();
    if (status == Status.STATUS_MARKED_ROLLBACK) {
      LOG.fine(() -> payload + " not written: its transaction is rolling back");
      return Optional.empty();
    }
    if (status != Status.STATUS_ACTIVE) {
      throw new IllegalStateException(
          payload
              + " was fired outside a transaction: fire it inside the transaction of the fact it"
              + " reports (ADR 0032)");
    }
    UUID id = UUID.randomUUID();
    outbox.append(id, payload.channel(), payload.kind(), seal.seal(id, payload), orderingKey);
    wakeAfterCommit();
    return Optional.of(id);
  }

  private void wakeAfterCommit() {
    if (transactions.getResource(WAKE_KEY) != null) {
      return; // one wake-up per transaction, however many rows it wrote
    }
    transactions.putResource(WAKE_KEY, Boolean.TRUE);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int outcome) {
            if (outcome == Status.STATUS_COMMITTED) {
              dispatcher.wake();
            }
          }
        });
  }
}
