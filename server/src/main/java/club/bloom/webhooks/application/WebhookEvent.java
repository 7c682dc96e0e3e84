package club.bloom.webhooks.application;

import club.bloom.tenancy.domain.TenantId;
import club.bloom.webhooks.domain.EventType;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One fact to announce, as the observers map it from a domain event: its type, the member it is
 * about (messages of one member reach an endpoint in order), and what each audience gets — the
 * partner whose receipt it is and the club whose member it is — each its own {@code data} (a
 * partner's carries no club-internal member id; neither carries names, phones or e-mail addresses).
 * An audience that is empty gets nothing.
 */
public record WebhookEvent(
    EventType type,
    String orderingSubject,
    Instant occurredAt,
    Optional<TenantId> partner,
    Map<String, Object> partnerData,
    Optional<TenantId> club,
    Map<String, Object> clubData) {
  public WebhookEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(orderingSubject, "orderingSubject");
    Objects.requireNonNull(occurredAt, "occurredAt");
    partner = type.forPartners() ? partner : Optional.empty();
    club = type.forClubs() ? club : Optional.empty();
  }
}
