package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.purchase;
import static club.bloom.e2e.Fixtures.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.api.WebhooksApi;
import club.bloom.client.model.ManualTier;
import club.bloom.client.model.NewWebhookEndpoint;
import club.bloom.client.model.PurchaseRequest;
import club.bloom.client.model.WebhookDeliveryAttempt;
import club.bloom.client.model.WebhookEndpointWithSecret;
import club.bloom.client.model.WebhookEventType;
import club.bloom.client.model.WebhookMessage;
import club.bloom.client.model.WebhookSecretRotationRequest;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import club.bloom.e2e.WebhookReceiver.Received;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Signed webhooks on the real stack (ADR 0042) with a real HTTP receiver on this machine: every
 * event arrives, signed as Standard Webhooks says (verified here with the spec's algorithm), in
 * order per member, through the receiver's failures and a hang; a partner gets only its receipts, a
 * club only its members, and no tenant reads another's endpoints or log; rotation signs with both
 * secrets, redelivery keeps the webhook-id, a disabled endpoint gets nothing.
 */
class WebhooksIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @Test
  void everyEventArrivesSignedInOrderPerMemberThroughFailuresAndNothingIsLost() throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture shop = club.partner("florist");
    MemberFixture anna = club.member();
    MemberFixture bella = club.member();
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      receiver.failFirst("/shop", 4);
      receiver.hangFirst("/club", 1);
      receiver.failFirst("/club", 3);
      WebhooksApi shopAdmin = shop.staff("partner-owner").webhooks();
      WebhookEndpointWithSecret shopHook =
          shopAdmin.createPartnerWebhookEndpoint(
              shop.slug(),
              new NewWebhookEndpoint()
                  .url(receiver.url("/shop"))
                  .eventTypes(
                      Set.of(
                          WebhookEventType.PURCHASE_RECORDED, WebhookEventType.REFUND_RECORDED)));
      WebhooksApi clubAdmin = club.admin().webhooks();
      WebhookEndpointWithSecret clubHook =
          clubAdmin.createClubWebhookEndpoint(
              club.slug(),
              new NewWebhookEndpoint()
                  .url(receiver.url("/club"))
                  .eventTypes(
                      Set.of(
                          WebhookEventType.PURCHASE_RECORDED,
                          WebhookEventType.REFUND_RECORDED,
                          WebhookEventType.MEMBER_TIER_CHANGED)));
      assertTrue(shopHook.getSecret().startsWith("whsec_"));
      assertEquals("enabled", shopHook.getEndpoint().getStatus().getValue());

      PurchaseRequest a1 = purchase(anna.passport(), "1000.00", "florist");
      shop.api().purchases().postPurchase(key(), a1);
      PurchaseRequest b1 = purchase(bella.passport(), "500.00", "florist");
      shop.api().purchases().postPurchase(key(), b1);
      PurchaseRequest a2 = purchase(anna.passport(), "700.00", "florist");
      shop.api().purchases().postPurchase(key(), a2);
      shop.api().purchases().postRefund(key(), refund(a1.getReceiptNumber(), "400.00"));
      // A replay (same key, same body) records nothing new, so it announces nothing.
      PurchaseRequest a3 = purchase(anna.passport(), "300.00", "florist");
      String replayed = key();
      shop.api().purchases().postPurchase(replayed, a3);
      shop.api().purchases().postPurchase(replayed, a3);
      club.admin()
          .clubs()
          .assignTier(
              club.slug(),
              anna.id(),
              new ManualTier().tier("vip").until(OffsetDateTime.now().plusDays(30).withNano(0)));

      // The shop: its five receipts' events, each once, whatever failed before.
      List<Received> shopGot =
          receiver.await("/shop", r -> distinctAccepted(r).size() >= 5, PATIENCE);
      // The club: the same five and the tier changes (one per first purchase, one by staff).
      List<Message> clubLog = awaitAllDelivered(clubAdmin, club.slug(), clubHook);
      List<Received> clubGot =
          receiver.await("/club", r -> distinctAccepted(r).size() >= clubLog.size(), PATIENCE);
      List<Message> shopLog = awaitAllDelivered(shopAdmin, shop.slug(), shopHook);

      // Nothing lost, nothing extra: the receiver got exactly the messages of the log.
      assertEquals(5, shopLog.size(), "3 + 1 purchases (one replayed) and a refund");
      assertEquals(ids(shopLog), distinctAccepted(shopGot).keySet());
      assertEquals(ids(clubLog), distinctAccepted(clubGot).keySet());
      long tierChanges = clubLog.stream().filter(m -> m.type.equals("member.tier_changed")).count();
      assertEquals(5 + tierChanges, clubLog.size());
      assertTrue(tierChanges >= 1, "the manual change at least");

      // Every request, failed or not, carries a signature that verifies with the endpoint's secret.
      for (Received r : receiver.all()) {
        String secret = r.path().equals("/shop") ? shopHook.getSecret() : clubHook.getSecret();
        assertTrue(WebhookReceiver.verify(r, secret), "signature of " + r);
      }

      // In order per member: a member's later event never arrived before an earlier one.
      List<String> annaAtShop = receipts(distinctAccepted(shopGot), anna.passport());
      assertEquals(
          List.of(
              "purchase.recorded " + a1.getReceiptNumber(),
              "purchase.recorded " + a2.getReceiptNumber(),
              "refund.recorded " + a1.getReceiptNumber(),
              "purchase.recorded " + a3.getReceiptNumber()),
          annaAtShop);
      List<String> annaAtClub = receipts(distinctAccepted(clubGot), anna.passport());
      List<String> annaReceipts =
          annaAtClub.stream().filter(s -> !s.startsWith("member.tier_changed")).toList();
      assertEquals(annaAtShop, annaReceipts);
      assertEquals(
          "member.tier_changed manual",
          annaAtClub.get(annaAtClub.size() - 1),
          "the staff's change came last: " + annaAtClub);

      // What each audience reads: the partner no member id, the club its member's; no PD.
      for (Received r : distinctAccepted(shopGot).values()) {
        JsonNode data = Fixtures.JSON.readTree(r.body()).get("data");
        assertFalse(data.has("memberId"), r.body());
        assertEquals(club.slug(), data.get("club").asText());
        assertNoPersonalData(r.body(), anna, bella);
      }
      for (Received r : distinctAccepted(clubGot).values()) {
        JsonNode data = Fixtures.JSON.readTree(r.body()).get("data");
        String member = data.get("memberId").asText();
        assertTrue(
            member.equals(anna.id().toString()) || member.equals(bella.id().toString()), r.body());
        assertNoPersonalData(r.body(), anna, bella);
      }

      // Retries happened and are in the log: 503s at the shop, a timeout then 503s at the club.
      List<WebhookDeliveryAttempt> shopAttempts =
          attempts(shopAdmin, shop.slug(), shopHook, shopLog);
      assertEquals(
          4,
          shopAttempts.stream()
              .filter(a -> Integer.valueOf(503).equals(a.getStatusCode()))
              .count());
      assertEquals(
          5,
          shopAttempts.stream()
              .filter(a -> a.getStatusCode() != null && a.getStatusCode() < 300)
              .count());
      List<WebhookDeliveryAttempt> clubAttempts =
          attempts(clubAdmin, club.slug(), clubHook, clubLog);
      assertTrue(
          clubAttempts.stream()
              .anyMatch(a -> a.getStatusCode() == null && a.getError().contains("Timeout")),
          "the hang is logged as a timeout: " + clubAttempts);
      assertEquals(
          3,
          clubAttempts.stream()
              .filter(a -> Integer.valueOf(503).equals(a.getStatusCode()))
              .count());
    }
  }

  @Test
  void aTenantNeverGetsNorReadsAnotherTenantsWebhooks() throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture shopA = club.partner("florist");
    PartnerFixture shopB = club.partner("florist");
    ClubFixture otherClub = Fixtures.club();
    MemberFixture member = club.member();
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      WebhooksApi a = shopA.staff("partner-owner").webhooks();
      WebhooksApi b = shopB.staff("partner-owner").webhooks();
      WebhookEndpointWithSecret hookA =
          a.createPartnerWebhookEndpoint(shopA.slug(), receiving(receiver.url("/a")));
      WebhookEndpointWithSecret hookB =
          b.createPartnerWebhookEndpoint(shopB.slug(), receiving(receiver.url("/b")));
      otherClub
          .admin()
          .webhooks()
          .createClubWebhookEndpoint(otherClub.slug(), receiving(receiver.url("/other")));

      PurchaseRequest ofA = purchase(member.passport(), "100.00", "florist");
      shopA.api().purchases().postPurchase(key(), ofA);
      PurchaseRequest ofB = purchase(member.passport(), "200.00", "florist");
      shopB.api().purchases().postPurchase(key(), ofB);

      List<Received> gotA = receiver.await("/a", r -> !distinctAccepted(r).isEmpty(), PATIENCE);
      List<Received> gotB = receiver.await("/b", r -> !distinctAccepted(r).isEmpty(), PATIENCE);
      Thread.sleep(3000); // anything misrouted would have come by now
      gotA = receiver.of("/a");
      gotB = receiver.of("/b");
      assertEquals(
          List.of("purchase.recorded " + ofA.getReceiptNumber()),
          receipts(distinctAccepted(gotA), member.passport()));
      assertEquals(
          List.of("purchase.recorded " + ofB.getReceiptNumber()),
          receipts(distinctAccepted(gotB), member.passport()));
      assertTrue(receiver.of("/other").isEmpty(), "another club's endpoint got nothing");

      UUID messageOfB =
          b.listPartnerWebhookMessages(shopB.slug(), hookB.getEndpoint().getId(), null, null)
              .get(0)
              .getId();
      UUID endpointOfB = hookB.getEndpoint().getId();
      assertEquals(404, failing(() -> a.listPartnerWebhookEndpoints(shopB.slug())).getCode());
      assertEquals(
          404, failing(() -> a.getPartnerWebhookEndpoint(shopA.slug(), endpointOfB)).getCode());
      assertEquals(
          404,
          failing(() -> a.listPartnerWebhookMessages(shopA.slug(), endpointOfB, null, null))
              .getCode());
      assertEquals(
          404,
          failing(() -> a.getPartnerWebhookMessage(shopA.slug(), endpointOfB, messageOfB))
              .getCode());
      assertEquals(
          404,
          failing(() -> a.redeliverPartnerWebhookMessage(shopA.slug(), endpointOfB, messageOfB))
              .getCode());
      assertEquals(
          404, failing(() -> a.deletePartnerWebhookEndpoint(shopA.slug(), endpointOfB)).getCode());
      assertEquals(
          404,
          failing(() -> otherClub.admin().webhooks().listClubWebhookEndpoints(club.slug()))
              .getCode());
      // Keys do not manage endpoints.
      assertEquals(
          403,
          failing(() -> shopA.api().webhooks().listPartnerWebhookEndpoints(shopA.slug()))
              .getCode());
      assertEquals(1, a.listPartnerWebhookEndpoints(shopA.slug()).size());
      assertEquals(
          hookA.getEndpoint().getId(), a.listPartnerWebhookEndpoints(shopA.slug()).get(0).getId());
    }
  }

  @Test
  void aRotatedSecretSignsBesideTheOldOneRedeliveryKeepsTheIdAndADisabledEndpointGetsNothing()
      throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture shop = club.partner("florist");
    MemberFixture member = club.member();
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      WebhooksApi admin = shop.staff("partner-admin").webhooks();
      WebhookEndpointWithSecret hook =
          admin.createPartnerWebhookEndpoint(shop.slug(), receiving(receiver.url("/r")));
      UUID endpoint = hook.getEndpoint().getId();
      shop.api().purchases().postPurchase(key(), purchase(member.passport(), "100.00", "florist"));
      Received first = receiver.await("/r", r -> !distinctAccepted(r).isEmpty(), PATIENCE).get(0);
      assertTrue(WebhookReceiver.verify(first, hook.getSecret()));

      WebhookEndpointWithSecret rotated =
          admin.rotatePartnerWebhookEndpointSecret(
              shop.slug(), endpoint, new WebhookSecretRotationRequest().graceHours(1));
      assertFalse(rotated.getSecret().equals(hook.getSecret()));
      assertTrue(rotated.getEndpoint().getPreviousSecretValidUntil() != null);

      UUID message = UUID.fromString(first.id());
      WebhookMessage queued = admin.redeliverPartnerWebhookMessage(shop.slug(), endpoint, message);
      assertEquals(message, queued.getId());
      Received again = receiver.await("/r", r -> r.size() >= 2, PATIENCE).get(1);
      assertEquals(first.id(), again.id(), "the same webhook-id");
      assertEquals(first.body(), again.body());
      assertEquals(2, again.signature().split(" ").length, "both secrets sign during the grace");
      assertTrue(WebhookReceiver.verify(again, rotated.getSecret()));
      assertTrue(WebhookReceiver.verify(again, hook.getSecret()));
      // The attempt is logged just after the receiver answered: wait for it.
      var detail = awaitAttempts(admin, shop.slug(), endpoint, message, 2);
      assertEquals("delivered", detail.getMessage().getStatus().getValue());
      assertEquals(2, detail.getAttempts().size());
      assertTrue(detail.getAttempts().get(1).getManual());

      assertEquals(
          "disabled",
          admin.disablePartnerWebhookEndpoint(shop.slug(), endpoint).getStatus().getValue());
      shop.api().purchases().postPurchase(key(), purchase(member.passport(), "200.00", "florist"));
      assertEquals(
          409,
          failing(() -> admin.redeliverPartnerWebhookMessage(shop.slug(), endpoint, message))
              .getCode());
      Thread.sleep(3000);
      assertEquals(2, receiver.of("/r").size(), "nothing while disabled");
      assertEquals(
          1,
          admin.listPartnerWebhookMessages(shop.slug(), endpoint, null, null).size(),
          "not even written");

      admin.enablePartnerWebhookEndpoint(shop.slug(), endpoint);
      PurchaseRequest later = purchase(member.passport(), "300.00", "florist");
      shop.api().purchases().postPurchase(key(), later);
      List<Received> got = receiver.await("/r", r -> distinctAccepted(r).size() >= 2, PATIENCE);
      assertTrue(got.get(got.size() - 1).body().contains(later.getReceiptNumber()));
      UUID laterId = UUID.fromString(got.get(got.size() - 1).id());
      assertEquals(1, awaitAttempts(admin, shop.slug(), endpoint, laterId, 1).getAttempts().size());
    }
  }

  /** The message once its log holds {@code n} attempts (logged just after the answer). */
  static club.bloom.client.model.WebhookMessageDetail awaitAttempts(
      WebhooksApi api, String partner, UUID endpoint, UUID message, int n) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    club.bloom.client.model.WebhookMessageDetail detail;
    do {
      detail = api.getPartnerWebhookMessage(partner, endpoint, message);
      if (detail.getAttempts().size() >= n
          && detail.getMessage().getStatus().getValue().equals("delivered")) {
        return detail;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < end);
    return detail;
  }

  @Test
  void anEndpointMustBeHttpsToAPublicAddressForEventsTheTenantReceives() throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture shop = club.partner("florist");
    WebhooksApi admin = shop.staff("partner-owner").webhooks();
    for (String url :
        List.of(
            "http://example.org/hook",
            "https://10.0.0.1/hook",
            "https://169.254.169.254/latest",
            "ftp://example.org/x")) {
      ApiException e =
          failing(() -> admin.createPartnerWebhookEndpoint(shop.slug(), receiving(url)));
      assertEquals(List.of("url"), Fixtures.fields(Fixtures.problem(e, 400)), url);
    }
    ApiException e =
        failing(
            () ->
                admin.createPartnerWebhookEndpoint(
                    shop.slug(),
                    new NewWebhookEndpoint()
                        .url("https://127.0.0.1:1/x")
                        .eventTypes(Set.of(WebhookEventType.MEMBER_TIER_CHANGED))));
    assertEquals(List.of("eventTypes[0]"), Fixtures.fields(Fixtures.problem(e, 400)));
    assertTrue(admin.listPartnerWebhookEndpoints(shop.slug()).isEmpty(), "nothing half-made");
  }

  static NewWebhookEndpoint receiving(String url) {
    return new NewWebhookEndpoint().url(url).eventTypes(Set.of(WebhookEventType.PURCHASE_RECORDED));
  }

  /** The accepted requests by webhook-id, in the order of their first acceptance. */
  static Map<String, Received> distinctAccepted(List<Received> received) {
    Map<String, Received> byId = new LinkedHashMap<>();
    for (Received r : received) {
      if (r.accepted()) {
        byId.putIfAbsent(r.id(), r);
      }
    }
    return byId;
  }

  /** "type receipt" (or "type reason" for tier changes) of the member's messages, in order. */
  static List<String> receipts(Map<String, Received> accepted, String passport) throws Exception {
    List<String> out = new ArrayList<>();
    for (Received r : accepted.values()) {
      JsonNode json = Fixtures.JSON.readTree(r.body());
      JsonNode data = json.get("data");
      if (!passport.equals(data.path("passportCode").asText())) {
        continue;
      }
      String type = json.get("type").asText();
      out.add(
          type
              + " "
              + (type.equals("member.tier_changed")
                  ? data.get("reason").asText()
                  : data.get("receiptNumber").asText()));
    }
    return out;
  }

  record Message(UUID id, String type) {}

  static Set<String> ids(List<Message> log) {
    Set<String> ids = new java.util.HashSet<>();
    log.forEach(m -> ids.add(m.id().toString()));
    return ids;
  }

  /** The endpoint's log once every message in it is delivered. */
  static List<Message> awaitAllDelivered(
      WebhooksApi api, String tenant, WebhookEndpointWithSecret hook) throws Exception {
    boolean club = tenant.startsWith("club");
    long end = System.nanoTime() + PATIENCE.toNanos();
    List<WebhookMessage> log = List.of();
    while (System.nanoTime() < end) {
      log =
          club
              ? api.listClubWebhookMessages(tenant, hook.getEndpoint().getId(), 100, null)
              : api.listPartnerWebhookMessages(tenant, hook.getEndpoint().getId(), 100, null);
      if (!log.isEmpty()
          && log.stream().allMatch(m -> m.getStatus().getValue().equals("delivered"))) {
        return log.stream().map(m -> new Message(m.getId(), m.getEventType().getValue())).toList();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not all delivered: " + log);
  }

  static List<WebhookDeliveryAttempt> attempts(
      WebhooksApi api, String tenant, WebhookEndpointWithSecret hook, List<Message> log)
      throws Exception {
    boolean club = tenant.startsWith("club");
    List<WebhookDeliveryAttempt> all = new ArrayList<>();
    for (Message m : log) {
      all.addAll(
          (club
                  ? api.getClubWebhookMessage(tenant, hook.getEndpoint().getId(), m.id())
                  : api.getPartnerWebhookMessage(tenant, hook.getEndpoint().getId(), m.id()))
              .getAttempts());
    }
    return all;
  }

  static void assertNoPersonalData(String body, MemberFixture... members) {
    for (MemberFixture m : members) {
      assertFalse(body.contains(m.email()), body);
      assertFalse(body.contains(m.phone().substring(2)), body);
    }
    assertFalse(body.contains("Вера") || body.contains("Тестова"), body);
  }
}
