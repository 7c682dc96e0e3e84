package club.bloom.webhooks.application;

import club.bloom.communications.application.OutboxWriter;
import club.bloom.communications.domain.Payload;
import club.bloom.shared.domain.Conflict;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.webhooks.domain.DeliveryAttempt;
import club.bloom.webhooks.domain.WebhookEndpoint;
import club.bloom.webhooks.domain.WebhookEndpoints;
import club.bloom.webhooks.domain.WebhookLog;
import club.bloom.webhooks.domain.WebhookMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An endpoint's delivery log for its tenant's admins — messages newest first with their outcome,
 * each message's attempts (time, duration, status code, error) — and manual redelivery: a new
 * outbox row for the same message (same {@code webhook-id}, so a receiver that had it drops it),
 * behind the member's pending messages at that endpoint. Kept 30 days.
 */
@ApplicationScoped
public class WebhookDeliveryLog {
  @Inject WebhookEndpoints endpoints;
  @Inject WebhookLog log;
  @Inject OutboxWriter outbox;

  @Transactional
  public List<WebhookMessage> messages(
      Tenant tenant, UUID endpointId, int limit, Optional<Instant> before) {
    endpoint(tenant, endpointId);
    return log.messages(tenant.id().value(), endpointId, limit, before);
  }

  @Transactional
  public MessageWithAttempts message(Tenant tenant, UUID endpointId, UUID messageId) {
    endpoint(tenant, endpointId);
    WebhookMessage message =
        log.message(tenant.id().value(), endpointId, messageId)
            .orElseThrow(() -> unknownMessage(messageId));
    return new MessageWithAttempts(message, log.attempts(messageId));
  }

  /** Sends the message again; the endpoint must be enabled (409 otherwise). */
  @Transactional
  public WebhookMessage redeliver(Tenant tenant, UUID endpointId, UUID messageId) {
    WebhookEndpoint endpoint =
        endpoints
            .lock(tenant.id().value(), endpointId)
            .orElseThrow(() -> WebhookEndpointManagement.unknown(endpointId));
    WebhookMessage message =
        log.message(tenant.id().value(), endpointId, messageId)
            .orElseThrow(() -> unknownMessage(messageId));
    if (!endpoint.isEnabled()) {
      throw new Conflict(
          "webhook-endpoint-disabled",
          "Webhook endpoint disabled",
          "Enable the endpoint before redelivering its messages");
    }
    log.pendingAgain(messageId);
    outbox.write(
        Payload.webhook(message.id(), endpointId, message.type().wireName(), true),
        message.orderingKey());
    return log.message(messageId).orElseThrow();
  }

  private WebhookEndpoint endpoint(Tenant tenant, UUID id) {
    return endpoints
        .find(tenant.id().value(), id)
        .orElseThrow(() -> WebhookEndpointManagement.unknown(id));
  }

  private static NotFound unknownMessage(UUID id) {
    return new NotFound(
        "unknown-webhook-message", "Unknown webhook message", "No webhook message " + id + " here");
  }

  /** A message and its attempts, oldest first. */
  public record MessageWithAttempts(WebhookMessage message, List<DeliveryAttempt> attempts) {}
}
