package club.bloom.ledger.domain;

import club.bloom.tenancy.domain.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * Some of a member's points expire soon: {@code points} of {@code currency} at {@code expiresAt}.
 * Fired inside the transaction that found it (ADR 0042), at most once per member, currency and
 * expiry date.
 */
public record PointsExpiringSoon(
    TenantId club,
    UUID memberId,
    String passportCode,
    String currency,
    long points,
    Instant expiresAt) {}
