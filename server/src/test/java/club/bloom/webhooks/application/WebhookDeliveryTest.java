package club.bloom.webhooks.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.communications.domain.Delivery;
import club.bloom.communications.domain.Payload;
import club.bloom.webhooks.domain.DeliveryAttempt;
import club.bloom.webhooks.domain.EventType;
import club.bloom.webhooks.domain.WebhookEndpoint;
import club.bloom.webhooks.domain.WebhookEndpoints;
import club.bloom.webhooks.domain.WebhookLog;
import club.bloom.webhooks.domain.WebhookMessage;
import club.bloom.webhooks.domain.WebhookSignature;
import club.bloom.webhooks.domain.WebhookTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WEBHOOK channel with its stores in memory and a scripted receiver. */
class WebhookDeliveryTest {
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  private final MemoryEndpoints endpoints = new MemoryEndpoints();
  private final MemoryLog log = new MemoryLog();
  private final List<Map<String, String>> sent = new ArrayList<>();
  private final List<WebhookTransport.Response> script = new ArrayList<>();
  private final List<WebhookEndpoint> noticed = new ArrayList<>();
  private final WebhookDelivery delivery = new WebhookDelivery();
  private WebhookEndpoint endpoint;
  private WebhookMessage message;

  @BeforeEach
  void wire() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    WebhookEndpointManagement management = new WebhookEndpointManagement();
    management.endpoints = endpoints;
    management.clock = clock;
    delivery.endpoints = endpoints;
    delivery.log = log;
    delivery.clock = clock;
    delivery.management = management;
    delivery.transport =
        (URI url, Map<String, String> headers, String body) -> {
          sent.add(headers);
          return script.remove(0);
        };
    delivery.notices =
        new WebhookNotices() {
          @Override
          public void endpointDisabled(WebhookEndpoint e) {
            noticed.add(e);
          }
        };
    endpoint =
        WebhookEndpoint.register(
            UUID.randomUUID(),
            "https://example.org/hook",
            null,
            Set.of(EventType.PURCHASE_RECORDED),
            "ops@example.org",
            NOW);
    endpoints.add(endpoint);
    message =
        new WebhookMessage(
            UUID.randomUUID(),
            endpoint.id(),
            endpoint.tenantId(),
            EventType.PURCHASE_RECORDED,
            endpoint.id() + "/m",
            "{\"type\":\"purchase.recorded\"}",
            "PENDING",
            0,
            NOW,
            Optional.empty(),
            Optional.empty());
    log.add(message);
  }

  private Payload payload() {
    return Payload.webhook(message.id(), endpoint.id(), "purchase.recorded", false);
  }

  @Test
  void aMessageIsSignedWithItsIdAndTheAttemptsTimeAndLogged() {
    script.add(new WebhookTransport.Response(Optional.of(204), Optional.empty(), Duration.ZERO));
    assertInstanceOf(Delivery.Delivered.class, delivery.deliver(UUID.randomUUID(), payload()));
    Map<String, String> headers = sent.get(0);
    assertEquals(message.id().toString(), headers.get("webhook-id"));
    assertEquals(Long.toString(NOW.getEpochSecond()), headers.get("webhook-timestamp"));
    assertEquals(
        WebhookSignature.sign(
            endpoint.secret(), message.id().toString(), NOW.getEpochSecond(), message.body()),
        headers.get("webhook-signature"));
    assertEquals(1, log.attempts.size());
    assertEquals(Optional.of(204), log.attempts.get(0).statusCode());
  }

  @Test
  void anErrorStatusIsRetriedAndADisabledOrDeletedEndpointEndsTheMessage() {
    script.add(
        new WebhookTransport.Response(Optional.of(503), Optional.of("HTTP 503"), Duration.ZERO));
    Delivery failed = delivery.deliver(UUID.randomUUID(), payload());
    assertFalse(((Delivery.Failed) failed).permanent());
    assertEquals("HTTP 503", ((Delivery.Failed) failed).reason());

    endpoint.disable("by staff", NOW);
    assertTrue(((Delivery.Failed) delivery.deliver(UUID.randomUUID(), payload())).permanent());
    endpoints.byId.clear();
    assertTrue(((Delivery.Failed) delivery.deliver(UUID.randomUUID(), payload())).permanent());
    assertEquals(1, sent.size(), "nothing posted to a disabled or deleted endpoint");
  }

  @Test
  void retriesRunningOutDisableTheEndpointAndNoticeItOncePermanentFailuresDoNot() {
    delivery.gaveUp(UUID.randomUUID(), payload(), false, "permanent: the endpoint is disabled");
    assertTrue(endpoint.isEnabled());
    assertTrue(noticed.isEmpty());
    assertEquals("FAILED", log.status.get(message.id()));

    delivery.gaveUp(UUID.randomUUID(), payload(), true, "gave up after 80 attempts");
    assertFalse(endpoints.byId.get(endpoint.id()).isEnabled());
    assertEquals(1, noticed.size());
    delivery.gaveUp(UUID.randomUUID(), payload(), true, "gave up after 80 attempts");
    assertEquals(1, noticed.size(), "one notice, however many messages give up");
  }

  static final class MemoryEndpoints implements WebhookEndpoints {
    final Map<UUID, WebhookEndpoint> byId = new HashMap<>();

    @Override
    public void add(WebhookEndpoint e) {
      byId.put(e.id(), e);
    }

    @Override
    public void update(WebhookEndpoint e) {
      byId.put(e.id(), e);
    }

    @Override
    public Optional<WebhookEndpoint> find(UUID tenantId, UUID id) {
      return byId(id).filter(e -> e.tenantId().equals(tenantId));
    }

    @Override
    public Optional<WebhookEndpoint> lock(UUID tenantId, UUID id) {
      return find(tenantId, id);
    }

    @Override
    public Optional<WebhookEndpoint> byId(UUID id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<WebhookEndpoint> ofTenant(UUID tenantId) {
      return byId.values().stream().filter(e -> e.tenantId().equals(tenantId)).toList();
    }

    @Override
    public List<WebhookEndpoint> receiving(UUID tenantId, EventType type) {
      return ofTenant(tenantId).stream().filter(e -> e.receives(type)).toList();
    }

    @Override
    public boolean delete(UUID tenantId, UUID id) {
      return byId.remove(id) != null;
    }
  }

  static final class MemoryLog implements WebhookLog {
    final Map<UUID, WebhookMessage> messages = new HashMap<>();
    final Map<UUID, String> status = new HashMap<>();
    final List<DeliveryAttempt> attempts = new ArrayList<>();

    @Override
    public void add(WebhookMessage m) {
      messages.put(m.id(), m);
      status.put(m.id(), m.status());
    }

    @Override
    public Optional<WebhookMessage> message(UUID id) {
      return Optional.ofNullable(messages.get(id));
    }

    @Override
    public Optional<WebhookMessage> message(UUID tenantId, UUID endpointId, UUID id) {
      return message(id);
    }

    @Override
    public List<WebhookMessage> messages(
        UUID tenantId, UUID endpointId, int limit, Optional<Instant> before) {
      return List.copyOf(messages.values());
    }

    @Override
    public List<DeliveryAttempt> attempts(UUID messageId) {
      return attempts;
    }

    @Override
    public void attempted(DeliveryAttempt attempt) {
      attempts.add(attempt);
    }

    @Override
    public void failed(UUID messageId) {
      status.put(messageId, "FAILED");
    }

    @Override
    public void pendingAgain(UUID messageId) {
      status.put(messageId, "PENDING");
    }

    @Override
    public int purge(Instant before, int limit) {
      return 0;
    }
  }
}
