package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.api.WebhooksApi;
import club.bloom.client.model.PurchaseRequest;
import club.bloom.client.model.WebhookEndpointWithSecret;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import club.bloom.e2e.OutboxRows.Row;
import club.bloom.e2e.WebhookReceiver.Received;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Liberty killed with SIGKILL after the purchases' transactions committed and before their webhooks
 * could be delivered (the receiver is down): after the restart every message is still pending in
 * the outbox, and each arrives, signed and in order, once the receiver is back (ADR 0042).
 */
class WebhooksCrashIT {
  private static final String KIND = "purchase.recorded";

  @Test
  void webhooksCommittedBeforeLibertyWasKilledAreDeliveredAfterTheRestartInOrder()
      throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture shop = club.partner("florist");
    MemberFixture member = club.member();
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      WebhooksApi admin = shop.staff("partner-owner").webhooks();
      WebhookEndpointWithSecret hook =
          admin.createPartnerWebhookEndpoint(
              shop.slug(), WebhooksIT.receiving(receiver.url("/crash")));
      receiver.down(true);
      Timestamp t0 = OutboxRows.now();
      PurchaseRequest first = purchase(member.passport(), "100.00", "florist");
      PurchaseRequest second = purchase(member.passport(), "200.00", "florist");
      PurchaseRequest third = purchase(member.passport(), "300.00", "florist");
      shop.api().purchases().postPurchase(key(), first);
      shop.api().purchases().postPurchase(key(), second);
      shop.api().purchases().postPurchase(key(), third);
      receiver.await("/crash", r -> !r.isEmpty(), Duration.ofSeconds(60));
      List<Row> before = OutboxRows.since(t0, KIND);
      assertEquals(3, before.size(), "one outbox row per message: " + before);

      StackControl.killLibertyAndAwaitRestart();

      for (Row row : before) {
        Row after = OutboxRows.byId(row.id()).orElseThrow();
        assertEquals("PENDING", after.status(), "not delivered: the receiver is down");
        assertTrue(after.hasPayload(), "the message survived the crash");
      }
      assertTrue(receiver.all().stream().noneMatch(Received::accepted));

      receiver.down(false);
      List<Received> got =
          receiver.await(
              "/crash", r -> WebhooksIT.distinctAccepted(r).size() >= 3, Duration.ofSeconds(90));
      assertEquals(
          List.of(
              "purchase.recorded " + first.getReceiptNumber(),
              "purchase.recorded " + second.getReceiptNumber(),
              "purchase.recorded " + third.getReceiptNumber()),
          WebhooksIT.receipts(WebhooksIT.distinctAccepted(got), member.passport()));
      for (Received r : got) {
        assertTrue(WebhookReceiver.verify(r, hook.getSecret()), "signature of " + r);
      }
      for (Row row : before) {
        Row delivered =
            OutboxRows.await(row.id(), r -> r.status().equals("DELIVERED"), Duration.ofSeconds(30));
        assertEquals("DELIVERED", delivered.status());
      }
      Thread.sleep(2000);
      assertEquals(
          3, receiver.accepted("/crash").size(), "each once: " + receiver.accepted("/crash"));
      assertEquals(
          3,
          admin
              .listPartnerWebhookMessages(shop.slug(), hook.getEndpoint().getId(), null, null)
              .stream()
              .map(m -> m.getId())
              .map(UUID::toString)
              .filter(id -> WebhooksIT.distinctAccepted(got).containsKey(id))
              .count());
    }
  }
}
