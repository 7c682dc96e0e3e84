package club.bloom.webhooks.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Messages and their attempts ({@code platform.webhook_message}, {@code webhook_attempt}). {@link
 * #add} joins the fact's transaction; the delivery's writes commit on their own.
 */
public interface WebhookLog {
  void add(WebhookMessage message);

  Optional<WebhookMessage> message(UUID id);

  /** The tenant's message of the endpoint; another tenant's is empty. */
  Optional<WebhookMessage> message(UUID tenantId, UUID endpointId, UUID id);

  /** Newest first, up to {@code limit}, created before {@code before} when given. */
  List<WebhookMessage> messages(
      UUID tenantId, UUID endpointId, int limit, Optional<Instant> before);

  List<DeliveryAttempt> attempts(UUID messageId);

  /** Logs an attempt and sets the message's status and counts, in a transaction of its own. */
  void attempted(DeliveryAttempt attempt);

  /** The message's delivery was given up (or ended because its endpoint is gone or disabled). */
  void failed(UUID messageId);

  /** Pending again (a redelivery was asked for). */
  void pendingAgain(UUID messageId);

  /** Removes messages and attempts older than {@code before}; answers how many messages went. */
  int purge(Instant before, int limit);
}
