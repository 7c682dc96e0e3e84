package club.bloom.communications.domain;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The outbox table. {@link #append} joins the caller's transaction; every other method is a
 * dispatcher's step and commits on its own. Times of claims, leases and retries are the database's,
 * so replicas with skewed clocks agree on them.
 */
public interface Outbox {
  /** A new pending row, due at once, in the caller's (the fact's) transaction. */
  default void append(UUID id, Channel channel, String kind, byte[] sealedPayload) {
    append(id, channel, kind, sealedPayload, null);
  }

  /**
   * As {@link #append}, in order with the other rows of {@code orderingKey} (null: none): a row is
   * claimed only when no row of its key written before it is still pending, so a receiver gets them
   * in the order they were written (webhooks: per endpoint and member, ADR 0042).
   */
  void append(UUID id, Channel channel, String kind, byte[] sealedPayload, String orderingKey);

  /**
   * Claims up to {@code limit} due rows that no other dispatcher holds (rows locked by a concurrent
   * claim are skipped, not waited for): each gets a new claim token, one more attempt, and is
   * hidden from other claims until {@code lease} has passed.
   */
  List<ClaimedMessage> claim(String replica, int limit, Duration lease);

  /** Delivered: the payload is erased. False if the claim was lost (the lease ran out). */
  boolean delivered(UUID id, UUID claim);

  /** Failed for now: due again after {@code delay}. False if the claim was lost. */
  boolean retry(UUID id, UUID claim, Duration delay, String error);

  /** Failed for good: the payload is erased, the error kept. False if the claim was lost. */
  boolean failed(UUID id, UUID claim, String error);

  /** Not attempted after all: due again at once, the attempt not counted. */
  boolean release(UUID id, UUID claim);

  /**
   * Deletes up to {@code limit} finished rows: delivered ones older than {@code keepDelivered},
   * failed ones older than {@code keepFailed}. Returns how many went.
   */
  int purge(Duration keepDelivered, Duration keepFailed, int limit);

  OutboxStats stats();
}
