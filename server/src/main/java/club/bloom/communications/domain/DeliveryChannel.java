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

  /**
   * The dispatcher gave the row up (its retries ran out, or the failure was permanent): the
   * channel's chance to record it (webhooks disable an endpoint that failed for days). It must not
   * throw.
   *
   * @param retriesExhausted true when the retry window ran out, false for a permanent failure
   */
  default void gaveUp(UUID messageId, Payload payload, boolean retriesExhausted, String reason) {}
}
