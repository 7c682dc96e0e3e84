package club.bloom.webhooks.application;

import club.bloom.communications.domain.Channel;
import club.bloom.communications.domain.Delivery;
import club.bloom.communications.domain.DeliveryChannel;
import club.bloom.communications.domain.Payload;
import club.bloom.webhooks.domain.DeliveryAttempt;
import club.bloom.webhooks.domain.WebhookEndpoint;
import club.bloom.webhooks.domain.WebhookEndpoints;
import club.bloom.webhooks.domain.WebhookLog;
import club.bloom.webhooks.domain.WebhookMessage;
import club.bloom.webhooks.domain.WebhookSignature;
import club.bloom.webhooks.domain.WebhookTransport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The outbox's {@code WEBHOOK} channel (ADR 0042): for each claimed row it reads the message and
 * its endpoint, signs the body with the endpoint's current secrets (Standard Webhooks: {@code
 * webhook-id} is the message's id on every attempt, {@code webhook-timestamp} the attempt's time in
 * seconds, {@code webhook-signature} one {@code v1,…} per secret), posts it and logs the attempt. A
 * 2xx delivers; anything else (a status, a timeout, a refused connection, a redirect) is retried by
 * the outbox with backoff and jitter for three days. A deleted or disabled endpoint ends its
 * pending messages at once. When a message's retries run out, the endpoint is disabled and its
 * notice address told (mail through the outbox, texts from the catalogues).
 */
@ApplicationScoped
public class WebhookDelivery implements DeliveryChannel {
  private static final Logger LOG = Logger.getLogger(WebhookDelivery.class.getName());

  @Inject WebhookEndpoints endpoints;
  @Inject WebhookLog log;
  @Inject WebhookTransport transport;
  @Inject WebhookEndpointManagement management;
  @Inject WebhookNotices notices;
  @Inject Clock clock;

  @Override
  public Channel channel() {
    return Channel.WEBHOOK;
  }

  @Override
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Delivery deliver(UUID outboxId, Payload payload) {
    Payload.Webhook webhook = (Payload.Webhook) payload;
    Optional<WebhookMessage> message = log.message(webhook.messageId());
    if (message.isEmpty()) {
      return Delivery.permanentFailure("the message is gone (endpoint deleted or log purged)");
    }
    Optional<WebhookEndpoint> endpoint = endpoints.byId(webhook.endpointId());
    if (endpoint.isEmpty()) {
      return Delivery.permanentFailure("the endpoint was deleted");
    }
    if (!endpoint.get().isEnabled()) {
      return Delivery.permanentFailure("the endpoint is disabled");
    }
    Instant now = clock.instant();
    long timestamp = now.getEpochSecond();
    String id = message.get().id().toString();
    String body = message.get().body();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put(
        "webhook-signature",
        WebhookSignature.header(endpoint.get().signingSecrets(now), id, timestamp, body));
    WebhookTransport.Response response =
        transport.post(URI.create(endpoint.get().url()), headers, body);
    log.attempted(
        new DeliveryAttempt(
            UUID.randomUUID(),
            message.get().id(),
            endpoint.get().id(),
            now,
            response.duration().toMillis(),
            response.statusCode(),
            response.error(),
            webhook.manual()));
    if (response.accepted()) {
      return Delivery.delivered();
    }
    return Delivery.transientFailure(response.error().orElse("no answer"));
  }

  @Override
  public void gaveUp(UUID outboxId, Payload payload, boolean retriesExhausted, String reason) {
    Payload.Webhook webhook = (Payload.Webhook) payload;
    log.failed(webhook.messageId());
    if (!retriesExhausted) {
      return;
    }
    Optional<WebhookEndpoint> disabled =
        management.disableAfterFailures(
            webhook.endpointId(),
            "disabled by Bloom: a message failed for the whole retry window",
            clock.instant());
    disabled.ifPresent(
        e -> {
          LOG.warning(() -> "webhooks: endpoint " + e.id() + " disabled after failing for days");
          notices.endpointDisabled(e);
        });
  }
}
