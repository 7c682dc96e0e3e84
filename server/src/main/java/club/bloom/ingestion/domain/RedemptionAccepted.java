package club.bloom.ingestion.domain;

import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * Points paid part of a receipt, recorded for the first time (never for a replay), fired inside the
 * recording transaction after the purchase's own {@link PurchaseAccepted} (ADR 0042).
 */
public record RedemptionAccepted(
    TenantId partner,
    TenantId club,
    UUID memberId,
    String passportCode,
    UUID purchaseId,
    String receiptNumber,
    String currency,
    long pointsRedeemed,
    Money amountPaidWithPoints,
    Money amountPaidWithMoney,
    Instant recordedAt) {}
