package club.bloom.webhooks.api;

import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.OutgoingMail;
import club.bloom.webhooks.application.WebhookDeliveryLog.MessageWithAttempts;
import club.bloom.webhooks.application.WebhookEndpointManagement;
import club.bloom.webhooks.application.WebhookEndpointManagement.Registered;
import club.bloom.webhooks.domain.DeliveryAttempt;
import club.bloom.webhooks.domain.EventType;
import club.bloom.webhooks.domain.WebhookEndpoint;
import club.bloom.webhooks.domain.WebhookMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The contract's webhook shapes, shared by the club's and the partner's endpoints. */
public final class WebhookDtos {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private WebhookDtos() {}

  /** The contract's {@code NewWebhookEndpoint}. */
  public record NewWebhookEndpointDto(
      String url, String description, List<String> eventTypes, String notifyEmail) {
    WebhookEndpointManagement.RegisterEndpoint toCommand(String callerEmail) {
      FieldChecks checks = new FieldChecks();
      checks.required("url", url, 2000);
      if (eventTypes == null || eventTypes.isEmpty()) {
        checks.fail("eventTypes", "must name at least one event type");
      }
      String notify = notifyEmail == null ? callerEmail : notifyEmail.strip();
      if (notifyEmail != null) {
        checks.matches("notifyEmail", notify, EMAIL, "must be an e-mail address such as a@b.ru");
      }
      checks.throwIfAny();
      return new WebhookEndpointManagement.RegisterEndpoint(
          url.strip(), description, List.copyOf(eventTypes), notify);
    }

    static WebhookEndpointManagement.RegisterEndpoint parse(
        NewWebhookEndpointDto body, String callerEmail) {
      if (body == null) {
        throw InvalidInput.of("body", "is required");
      }
      return body.toCommand(callerEmail);
    }
  }

  /** The contract's {@code WebhookSecretRotationRequest}; absent: the default grace. */
  public record RotationRequestDto(Integer graceHours) {
    static Duration grace(RotationRequestDto body) {
      if (body == null || body.graceHours() == null) {
        return WebhookEndpointManagement.DEFAULT_GRACE;
      }
      return Duration.ofHours(body.graceHours());
    }
  }

  /** The contract's {@code WebhookEndpoint}: never a secret. */
  public record WebhookEndpointDto(
      UUID id,
      String url,
      String description,
      List<String> eventTypes,
      String status,
      String disabledReason,
      Instant disabledAt,
      Instant previousSecretValidUntil,
      String notifyEmail,
      Instant createdAt,
      Instant updatedAt) {
    static WebhookEndpointDto of(WebhookEndpoint e) {
      return new WebhookEndpointDto(
          e.id(),
          e.url(),
          e.description().orElse(null),
          e.eventTypes().stream().map(EventType::wireName).sorted().toList(),
          e.isEnabled() ? "enabled" : "disabled",
          e.disabledReason().orElse(null),
          e.disabledAt().orElse(null),
          e.previousSecretUntil().orElse(null),
          e.notifyEmail().map(OutgoingMail::masked).orElse(null),
          e.createdAt(),
          e.updatedAt());
    }
  }

  /** The contract's {@code WebhookEndpointWithSecret}: the secret, shown this once. */
  public record WebhookEndpointWithSecretDto(WebhookEndpointDto endpoint, String secret) {
    static WebhookEndpointWithSecretDto of(Registered r) {
      return new WebhookEndpointWithSecretDto(
          WebhookEndpointDto.of(r.endpoint()), r.secret().written());
    }
  }

  /** The contract's {@code WebhookMessage}. */
  public record WebhookMessageDto(
      UUID id,
      String eventType,
      String status,
      int attempts,
      Instant createdAt,
      Instant lastAttemptAt,
      Instant deliveredAt) {
    static WebhookMessageDto of(WebhookMessage m) {
      return new WebhookMessageDto(
          m.id(),
          m.type().wireName(),
          m.status().toLowerCase(java.util.Locale.ROOT),
          m.attempts(),
          m.createdAt(),
          m.lastAttemptAt().orElse(null),
          m.deliveredAt().orElse(null));
    }
  }

  /** The contract's {@code WebhookDeliveryAttempt}. */
  public record AttemptDto(
      Instant attemptedAt, long durationMs, Integer statusCode, String error, boolean manual) {
    static AttemptDto of(DeliveryAttempt a) {
      return new AttemptDto(
          a.attemptedAt(),
          a.durationMillis(),
          a.statusCode().orElse(null),
          a.error().orElse(null),
          a.manual());
    }
  }

  /** The contract's {@code WebhookMessageDetail}: the message, its body and its attempts. */
  public record MessageDetailDto(
      WebhookMessageDto message, String body, List<AttemptDto> attempts) {
    static MessageDetailDto of(MessageWithAttempts m) {
      return new MessageDetailDto(
          WebhookMessageDto.of(m.message()),
          m.message().body(),
          m.attempts().stream().map(AttemptDto::of).toList());
    }
  }

  static UUID id(String field, String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of(field, "must be a UUID");
    }
  }

  static java.util.Optional<Instant> before(String text) {
    if (text == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
    } catch (java.time.format.DateTimeParseException e) {
      throw InvalidInput.of("before", "must be a date-time such as 2026-12-07T10:00:00Z");
    }
  }
}
