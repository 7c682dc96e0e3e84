package club.bloom.shared.domain;

/**
 * The port to an SMS provider. Bloom ships no implementation (ADR 0023): an installation that
 * contracts a provider adds one bean implementing it; until then nothing is sent by SMS, and the
 * answers that could have used it say so (the counter registration lists only the deliveries made).
 * Called after the transaction that produced the message commits.
 */
public interface TextMessageGateway {
  void send(OutgoingTextMessage message);
}
