package club.bloom.webhooks.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One event for one endpoint. Its id is the {@code webhook-id} of every attempt and every
 * redelivery, so a receiver drops duplicates by it.
 *
 * @param status {@code PENDING}, {@code DELIVERED} or {@code FAILED}: the last delivery's outcome
 */
public record WebhookMessage(
    UUID id,
    UUID endpointId,
    UUID tenantId,
    EventType type,
    String orderingKey,
    String body,
    String status,
    int attempts,
    Instant createdAt,
    Optional<Instant> lastAttemptAt,
    Optional<Instant> deliveredAt) {}
