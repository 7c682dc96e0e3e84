package club.bloom.webhooks.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  @Test
  void signsAsTheStandardWebhooksReferenceExample() {
    // The example of the Standard Webhooks specification and its reference libraries.
    WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    String signature =
        WebhookSignature.sign(
            secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");
    assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
  }

  @Test
  void anyChangeOfIdTimeOrBodyChangesTheSignature() {
    WebhookSecret secret = WebhookSecret.generate();
    String base = WebhookSignature.sign(secret, "a", 1, "{}");
    assertNotEquals(base, WebhookSignature.sign(secret, "b", 1, "{}"));
    assertNotEquals(base, WebhookSignature.sign(secret, "a", 2, "{}"));
    assertNotEquals(base, WebhookSignature.sign(secret, "a", 1, "{ }"));
    assertNotEquals(base, WebhookSignature.sign(WebhookSecret.generate(), "a", 1, "{}"));
  }

  @Test
  void aSecretIsWrittenWithItsPrefixAndReadBack() {
    WebhookSecret secret = WebhookSecret.generate();
    assertTrue(secret.written().startsWith("whsec_"));
    assertEquals(secret, WebhookSecret.parse(secret.written()));
    assertEquals(32, secret.key().length);
    assertEquals("WebhookSecret[hidden]", secret.toString());
    assertThrows(IllegalArgumentException.class, () -> WebhookSecret.parse("MfKQ9r8GKYqrTwjU"));
  }

  @Test
  void duringARotationsGraceBothSecretsSignThenOnlyTheNewOne() {
    Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
    WebhookEndpoint endpoint =
        WebhookEndpoint.register(
            UUID.randomUUID(),
            "https://example.org/hook",
            null,
            Set.of(EventType.PURCHASE_RECORDED),
            null,
            t0);
    WebhookSecret old = endpoint.secret();
    WebhookSecret fresh = endpoint.rotate(Duration.ofHours(24), t0);
    assertEquals(List.of(fresh, old), endpoint.signingSecrets(t0.plusSeconds(3600)));
    assertEquals(List.of(fresh), endpoint.signingSecrets(t0.plus(Duration.ofHours(24))));
    String header = WebhookSignature.header(endpoint.signingSecrets(t0), "m", 5, "{}");
    assertEquals(
        WebhookSignature.sign(fresh, "m", 5, "{}") + " " + WebhookSignature.sign(old, "m", 5, "{}"),
        header);
    endpoint.rotate(Duration.ZERO, t0);
    assertEquals(1, endpoint.signingSecrets(t0).size());
  }

  @Test
  void aDisabledEndpointReceivesNothingAndKeepsItsFirstReason() {
    Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
    WebhookEndpoint endpoint =
        WebhookEndpoint.register(
            UUID.randomUUID(),
            "https://example.org/hook",
            null,
            Set.of(EventType.PURCHASE_RECORDED),
            null,
            t0);
    assertTrue(endpoint.receives(EventType.PURCHASE_RECORDED));
    assertTrue(!endpoint.receives(EventType.REFUND_RECORDED));
    endpoint.disable("first", t0);
    endpoint.disable("second", t0);
    assertTrue(!endpoint.receives(EventType.PURCHASE_RECORDED));
    assertEquals("first", endpoint.disabledReason().orElseThrow());
    endpoint.enable(t0);
    assertTrue(endpoint.receives(EventType.PURCHASE_RECORDED));
  }
}
