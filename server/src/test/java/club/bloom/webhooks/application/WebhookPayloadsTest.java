package club.bloom.webhooks.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.ingestion.domain.ImportFinished;
import club.bloom.ingestion.domain.PurchaseAccepted;
import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tiers.domain.TierChanged;
import club.bloom.webhooks.domain.EventType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {
  private static final TenantId PARTNER = new TenantId(UUID.randomUUID());
  private static final TenantId CLUB = new TenantId(UUID.randomUUID());
  private static final Map<TenantId, String> SLUGS = Map.of(PARTNER, "flora", CLUB, "bloom-care");

  @Test
  void aPartnerReadsItsReceiptWithoutTheClubsMemberIdAndTheClubReadsItsMember() {
    UUID member = UUID.randomUUID();
    Instant at = Instant.parse("2026-12-07T10:00:00Z");
    WebhookEvent event =
        WebhookPayloads.purchase(
            new PurchaseAccepted(
                PARTNER,
                CLUB,
                member,
                "7K3M-9QXA-2B4C",
                UUID.randomUUID(),
                "R-1",
                Money.rub("1500.00"),
                "florist",
                at,
                75,
                0,
                "points",
                at),
            SLUGS::get);
    assertEquals(EventType.PURCHASE_RECORDED, event.type());
    assertEquals(member.toString(), event.orderingSubject());
    assertEquals(PARTNER, event.partner().orElseThrow());
    assertFalse(event.partnerData().containsKey("memberId"));
    assertEquals("bloom-care", event.partnerData().get("club"));
    assertEquals(member.toString(), event.clubData().get("memberId"));
    assertEquals("flora", event.clubData().get("partner"));
    assertEquals(Map.of("amount", "1500.00", "currency", "RUB"), event.clubData().get("amount"));

    String body = WebhookPublishing.body(event, event.partnerData());
    assertTrue(
        body.startsWith(
            "{\"type\":\"purchase.recorded\",\"timestamp\":\"2026-12-07T10:00:00Z\",\"data\":{"),
        body);
    assertTrue(body.contains("\"passportCode\":\"7K3M-9QXA-2B4C\""), body);
  }

  @Test
  void aTierChangeGoesToTheClubOnly() {
    WebhookEvent event =
        WebhookPayloads.tierChanged(
            new TierChanged(
                CLUB, UUID.randomUUID(), "AAAA-BBBB-CCCC", "vip", "none", "refund", Instant.now()));
    assertTrue(event.partner().isEmpty());
    assertEquals(CLUB, event.club().orElseThrow());
    assertEquals(null, event.clubData().get("toTier"));
    assertEquals("vip", event.clubData().get("fromTier"));
  }

  @Test
  void aFinishedImportGoesToItsPartnerOnlyWithItsCounts() {
    UUID importId = UUID.randomUUID();
    Instant at = Instant.parse("2026-12-08T01:00:00Z");
    WebhookEvent event =
        WebhookPayloads.importFinished(new ImportFinished(PARTNER, importId, 10, 8, 2), at);
    assertEquals(EventType.IMPORT_FINISHED, event.type());
    assertEquals(PARTNER, event.partner().orElseThrow());
    assertTrue(event.club().isEmpty());
    assertEquals(importId.toString(), event.orderingSubject());
    assertEquals(importId.toString(), event.partnerData().get("importId"));
    assertEquals(10, event.partnerData().get("rows"));
    assertEquals(8, event.partnerData().get("rowsApplied"));
    assertEquals(2, event.partnerData().get("rowsRejected"));
    assertEquals("2026-12-08T01:00:00Z", event.partnerData().get("finishedAt"));
  }
}
