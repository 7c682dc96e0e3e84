package club.bloom.communications.domain;

import java.util.UUID;

/**
 * Where messages of one {@link Channel} go (an SMTP relay, an SMS provider). Deliveries are at
 * least once: {@code messageId} is stable across attempts, for the receiver to drop duplicates.
 * Implementations answer failures as {@link Delivery.Failed} rather than throwing.
 */
public interface DeliveryChannel {
  Channel channel();

  Delivery deliver(UUID messageId, Payload payload);
}
