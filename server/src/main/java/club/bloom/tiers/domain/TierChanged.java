package club.bloom.tiers.domain;

import club.bloom.tenancy.domain.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A member's tier changed (a purchase, a refund, staff), fired inside the transaction that changed
 * it, so that observers (webhooks, ADR 0042) write their rows atomically with it.
 *
 * @param fromTier the tier before, null for none
 * @param toTier the tier after, {@code none} for none
 * @param reason {@code purchase}, {@code refund}, {@code manual}…
 */
public record TierChanged(
    TenantId club,
    UUID memberId,
    String passportCode,
    String fromTier,
    String toTier,
    String reason,
    Instant changedAt) {}
