package club.bloom.shared.domain;

import java.util.UUID;

/**
 * The port to an SMS provider. Bloom ships no implementation (ADR 0023): an installation that
 * contracts a provider adds one bean implementing it; until then nothing is sent by SMS, and the
 * answers that could have used it say so (the counter registration lists only the deliveries made).
 * Called by the outbox's dispatcher after the transaction that produced the message committed, at
 * least once (ADR 0032): a provider that takes a client reference should be given {@code
 * messageId}, which stays the same across attempts, to drop duplicates.
 */
public interface TextMessageGateway {
  void send(OutgoingTextMessage message);

  /** Sends with the outbox's stable message id; by default the id is not passed on. */
  default void send(UUID messageId, OutgoingTextMessage message) {
    send(message);
  }
}
