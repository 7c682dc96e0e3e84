package club.bloom.webhooks.application;

import club.bloom.communications.application.OutboxWriter;
import club.bloom.communications.domain.Payload;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.webhooks.domain.WebhookEndpoint;
import club.bloom.webhooks.domain.WebhookEndpoints;
import club.bloom.webhooks.domain.WebhookLog;
import club.bloom.webhooks.domain.WebhookMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@link WebhookEvent} into one message per enabled endpoint that receives its type — of
 * the partner and of the club it concerns — and one outbox row per message, all in the fact's
 * transaction: a rolled-back fact announces nothing, a committed one is delivered even if the
 * replica dies at once (ADR 0032, ADR 0042). The outbox row's ordering key is the endpoint and the
 * member, so a member's later event never overtakes an earlier one at an endpoint.
 */
@ApplicationScoped
public class WebhookPublishing {
  static final JsonMapper JSON = JsonMapper.shared();

  @Inject WebhookEndpoints endpoints;
  @Inject WebhookLog log;
  @Inject OutboxWriter outbox;

  /** Writes the messages; answers how many. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int publish(WebhookEvent event) {
    int written = 0;
    written += publishTo(event, event.partner(), event.partnerData());
    written += publishTo(event, event.club(), event.clubData());
    return written;
  }

  private int publishTo(WebhookEvent event, Optional<TenantId> tenant, Map<String, Object> data) {
    if (tenant.isEmpty()) {
      return 0;
    }
    int written = 0;
    for (WebhookEndpoint endpoint : endpoints.receiving(tenant.get().value(), event.type())) {
      UUID id = UUID.randomUUID();
      String orderingKey = endpoint.id() + "/" + event.orderingSubject();
      log.add(
          new WebhookMessage(
              id,
              endpoint.id(),
              endpoint.tenantId(),
              event.type(),
              orderingKey,
              body(event, data),
              "PENDING",
              0,
              Instant.now(),
              Optional.empty(),
              Optional.empty()));
      outbox.write(Payload.webhook(id, endpoint.id(), event.type().wireName(), false), orderingKey);
      written++;
    }
    return written;
  }

  /** {@code {"type": …, "timestamp": …, "data": {…}}}, the Standard Webhooks envelope. */
  static String body(WebhookEvent event, Map<String, Object> data) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", event.type().wireName());
    envelope.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
    envelope.put("data", data);
    return JSON.writeValueAsString(envelope);
  }
}
