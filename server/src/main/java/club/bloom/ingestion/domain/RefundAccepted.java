package club.bloom.ingestion.domain;

import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A refund was recorded for the first time (never for a replay), fired inside the recording
 * transaction (ADR 0042). Identifiers and amounts only.
 */
public record RefundAccepted(
    TenantId partner,
    TenantId club,
    UUID memberId,
    String passportCode,
    UUID refundId,
    UUID purchaseId,
    String receiptNumber,
    String refundNumber,
    Money amount,
    Money refundedTotal,
    Instant occurredAt,
    long pointsReversed,
    long pointsReturned,
    Instant recordedAt) {}
