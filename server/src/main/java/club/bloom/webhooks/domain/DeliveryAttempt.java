package club.bloom.webhooks.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One HTTP attempt of a message: when, how long, the receiver's status code (empty when none came)
 * and the error (an exception class or the status; never the receiver's text).
 */
public record DeliveryAttempt(
    UUID id,
    UUID messageId,
    UUID endpointId,
    Instant attemptedAt,
    long durationMillis,
    Optional<Integer> statusCode,
    Optional<String> error,
    boolean manual) {
  public boolean succeeded() {
    return statusCode.map(c -> c >= 200 && c < 300).orElse(false);
  }
}
