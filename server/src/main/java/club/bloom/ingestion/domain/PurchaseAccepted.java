package club.bloom.ingestion.domain;

import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A purchase was recorded for the first time (never fired for an idempotent replay), fired inside
 * the recording transaction so that observers (webhooks, ADR 0042) write their rows atomically with
 * it. Carries identifiers and amounts only, no personal data.
 */
public record PurchaseAccepted(
    TenantId partner,
    TenantId club,
    UUID memberId,
    String passportCode,
    UUID purchaseId,
    String receiptNumber,
    Money amount,
    String category,
    Instant occurredAt,
    long pointsEarned,
    long pointsRedeemed,
    String redeemedCurrency,
    Instant recordedAt) {}
