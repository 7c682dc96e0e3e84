package club.bloom.webhooks.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A URL a club or a partner registered for some event types. It signs with its current secret and,
 * for a grace period after a rotation, also with the previous one (receivers accept either, as
 * Standard Webhooks allows). Disabled — by its staff, or by Bloom after the retries of a message
 * ran out — it gets no new messages and its pending ones end; enabled again, new events flow and
 * missed ones can be redelivered from the log.
 */
public final class WebhookEndpoint {
  private final UUID id;
  private final UUID tenantId;
  private final String url;
  private final String description;
  private final Set<EventType> eventTypes;
  private EndpointStatus status;
  private String disabledReason;
  private Instant disabledAt;
  private WebhookSecret secret;
  private WebhookSecret previousSecret;
  private Instant previousSecretUntil;
  private final String notifyEmail;
  private final Instant createdAt;
  private Instant updatedAt;

  public WebhookEndpoint(
      UUID id,
      UUID tenantId,
      String url,
      String description,
      Set<EventType> eventTypes,
      EndpointStatus status,
      String disabledReason,
      Instant disabledAt,
      WebhookSecret secret,
      WebhookSecret previousSecret,
      Instant previousSecretUntil,
      String notifyEmail,
      Instant createdAt,
      Instant updatedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.url = Objects.requireNonNull(url, "url");
    this.description = description;
    this.eventTypes = Set.copyOf(eventTypes);
    this.status = Objects.requireNonNull(status, "status");
    this.disabledReason = disabledReason;
    this.disabledAt = disabledAt;
    this.secret = Objects.requireNonNull(secret, "secret");
    this.previousSecret = previousSecret;
    this.previousSecretUntil = previousSecretUntil;
    this.notifyEmail = notifyEmail;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new, enabled endpoint with a fresh secret. */
  public static WebhookEndpoint register(
      UUID tenantId,
      String url,
      String description,
      Set<EventType> eventTypes,
      String notifyEmail,
      Instant now) {
    if (eventTypes.isEmpty()) {
      throw new IllegalArgumentException("an endpoint receives at least one event type");
    }
    return new WebhookEndpoint(
        UUID.randomUUID(),
        tenantId,
        url,
        description,
        eventTypes,
        EndpointStatus.ENABLED,
        null,
        null,
        WebhookSecret.generate(),
        null,
        null,
        notifyEmail,
        now,
        now);
  }

  /**
   * A new secret; the current one keeps signing beside it for {@code grace} (zero: at once
   * retired). Returns the new secret, to show once.
   */
  public WebhookSecret rotate(Duration grace, Instant now) {
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative");
    }
    previousSecret = grace.isZero() ? null : secret;
    previousSecretUntil = grace.isZero() ? null : now.plus(grace);
    secret = WebhookSecret.generate();
    updatedAt = now;
    return secret;
  }

  /** The secrets that sign a message at {@code now}: the current one first. */
  public List<WebhookSecret> signingSecrets(Instant now) {
    List<WebhookSecret> secrets = new ArrayList<>();
    secrets.add(secret);
    if (previousSecret != null
        && previousSecretUntil != null
        && now.isBefore(previousSecretUntil)) {
      secrets.add(previousSecret);
    }
    return secrets;
  }

  /** Disabled with a reason; disabling a disabled endpoint keeps its first reason. */
  public void disable(String reason, Instant now) {
    if (status == EndpointStatus.DISABLED) {
      return;
    }
    status = EndpointStatus.DISABLED;
    disabledReason = reason;
    disabledAt = now;
    updatedAt = now;
  }

  public void enable(Instant now) {
    status = EndpointStatus.ENABLED;
    disabledReason = null;
    disabledAt = null;
    updatedAt = now;
  }

  public boolean receives(EventType type) {
    return status == EndpointStatus.ENABLED && eventTypes.contains(type);
  }

  public boolean isEnabled() {
    return status == EndpointStatus.ENABLED;
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String url() {
    return url;
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  public Set<EventType> eventTypes() {
    return eventTypes;
  }

  public EndpointStatus status() {
    return status;
  }

  public Optional<String> disabledReason() {
    return Optional.ofNullable(disabledReason);
  }

  public Optional<Instant> disabledAt() {
    return Optional.ofNullable(disabledAt);
  }

  public WebhookSecret secret() {
    return secret;
  }

  public Optional<WebhookSecret> previousSecret() {
    return Optional.ofNullable(previousSecret);
  }

  public Optional<Instant> previousSecretUntil() {
    return Optional.ofNullable(previousSecretUntil);
  }

  public Optional<String> notifyEmail() {
    return Optional.ofNullable(notifyEmail);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
