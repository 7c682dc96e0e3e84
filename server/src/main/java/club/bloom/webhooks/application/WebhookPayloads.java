package club.bloom.webhooks.application;

import club.bloom.ingestion.domain.ImportFinished;
import club.bloom.ingestion.domain.PurchaseAccepted;
import club.bloom.ingestion.domain.RedemptionAccepted;
import club.bloom.ingestion.domain.RefundAccepted;
import club.bloom.ledger.domain.PointsExpiringSoon;
import club.bloom.shared.domain.Money;
import club.bloom.tiers.domain.TierChanged;
import club.bloom.webhooks.domain.EventType;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code data} of each event type, per audience, as the contract's {@code webhooks} section
 * documents it. No names, phones or e-mail addresses ever (ADR 0042): a partner gets what its own
 * receipt said (the passport code it was given, amounts, points); a club gets its member's id and
 * passport code. {@code slugs} names tenants by their public slug.
 */
final class WebhookPayloads {
  private WebhookPayloads() {}

  static WebhookEvent purchase(
      PurchaseAccepted e, Function<club.bloom.tenancy.domain.TenantId, String> slugs) {
    Map<String, Object> common = new LinkedHashMap<>();
    common.put("purchaseId", e.purchaseId().toString());
    common.put("receiptNumber", e.receiptNumber());
    common.put("passportCode", e.passportCode());
    common.put("amount", money(e.amount()));
    common.put("category", e.category());
    common.put("occurredAt", time(e.occurredAt()));
    common.put("pointsEarned", e.pointsEarned());
    common.put("pointsRedeemed", e.pointsRedeemed());
    Map<String, Object> partner = new LinkedHashMap<>(common);
    partner.put("club", slugs.apply(e.club()));
    Map<String, Object> club = new LinkedHashMap<>(common);
    club.put("memberId", e.memberId().toString());
    club.put("partner", slugs.apply(e.partner()));
    return new WebhookEvent(
        EventType.PURCHASE_RECORDED,
        e.memberId().toString(),
        e.recordedAt(),
        Optional.of(e.partner()),
        partner,
        Optional.of(e.club()),
        club);
  }

  static WebhookEvent refund(
      RefundAccepted e, Function<club.bloom.tenancy.domain.TenantId, String> slugs) {
    Map<String, Object> common = new LinkedHashMap<>();
    common.put("refundId", e.refundId().toString());
    common.put("purchaseId", e.purchaseId().toString());
    common.put("receiptNumber", e.receiptNumber());
    common.put("refundNumber", e.refundNumber());
    common.put("passportCode", e.passportCode());
    common.put("amount", money(e.amount()));
    common.put("refundedTotal", money(e.refundedTotal()));
    common.put("occurredAt", time(e.occurredAt()));
    common.put("pointsReversed", e.pointsReversed());
    common.put("pointsReturned", e.pointsReturned());
    Map<String, Object> partner = new LinkedHashMap<>(common);
    partner.put("club", slugs.apply(e.club()));
    Map<String, Object> club = new LinkedHashMap<>(common);
    club.put("memberId", e.memberId().toString());
    club.put("partner", slugs.apply(e.partner()));
    return new WebhookEvent(
        EventType.REFUND_RECORDED,
        e.memberId().toString(),
        e.recordedAt(),
        Optional.of(e.partner()),
        partner,
        Optional.of(e.club()),
        club);
  }

  static WebhookEvent redemption(
      RedemptionAccepted e, Function<club.bloom.tenancy.domain.TenantId, String> slugs) {
    Map<String, Object> common = new LinkedHashMap<>();
    common.put("purchaseId", e.purchaseId().toString());
    common.put("receiptNumber", e.receiptNumber());
    common.put("passportCode", e.passportCode());
    common.put("currency", e.currency());
    common.put("pointsRedeemed", e.pointsRedeemed());
    common.put("amountPaidWithPoints", money(e.amountPaidWithPoints()));
    common.put("amountPaidWithMoney", money(e.amountPaidWithMoney()));
    Map<String, Object> partner = new LinkedHashMap<>(common);
    partner.put("club", slugs.apply(e.club()));
    Map<String, Object> club = new LinkedHashMap<>(common);
    club.put("memberId", e.memberId().toString());
    club.put("partner", slugs.apply(e.partner()));
    return new WebhookEvent(
        EventType.REDEMPTION_RECORDED,
        e.memberId().toString(),
        e.recordedAt(),
        Optional.of(e.partner()),
        partner,
        Optional.of(e.club()),
        club);
  }

  static WebhookEvent tierChanged(TierChanged e) {
    Map<String, Object> club = new LinkedHashMap<>();
    club.put("memberId", e.memberId().toString());
    club.put("passportCode", e.passportCode());
    club.put("fromTier", e.fromTier());
    club.put("toTier", "none".equals(e.toTier()) ? null : e.toTier());
    club.put("reason", e.reason());
    club.put("changedAt", time(e.changedAt()));
    return new WebhookEvent(
        EventType.MEMBER_TIER_CHANGED,
        e.memberId().toString(),
        e.changedAt(),
        Optional.empty(),
        Map.of(),
        Optional.of(e.club()),
        club);
  }

  static WebhookEvent pointsExpiring(PointsExpiringSoon e, Instant now) {
    Map<String, Object> club = new LinkedHashMap<>();
    club.put("memberId", e.memberId().toString());
    club.put("passportCode", e.passportCode());
    club.put("currency", e.currency());
    club.put("points", e.points());
    club.put("expiresAt", time(e.expiresAt()));
    return new WebhookEvent(
        EventType.POINTS_EXPIRING,
        e.memberId().toString(),
        now,
        Optional.empty(),
        Map.of(),
        Optional.of(e.club()),
        club);
  }

  static WebhookEvent importFinished(ImportFinished e, Instant now) {
    Map<String, Object> partner = new LinkedHashMap<>();
    partner.put("importId", e.importId().toString());
    partner.put("rows", e.rows());
    partner.put("rowsApplied", e.accepted());
    partner.put("rowsRejected", e.rejected());
    partner.put("finishedAt", time(now));
    return new WebhookEvent(
        EventType.IMPORT_FINISHED,
        e.importId().toString(),
        now,
        Optional.of(e.partner()),
        partner,
        Optional.empty(),
        Map.of());
  }

  static Map<String, Object> money(Money money) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("amount", money.amount().toPlainString());
    m.put("currency", money.currency());
    return m;
  }

  static String time(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
