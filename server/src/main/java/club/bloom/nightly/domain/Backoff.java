package club.bloom.nightly.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed night is retried: after the n-th failure, wait {@code first × 2^(n-1)}, at most
 * {@code max}; after {@code maxAttempts} failed attempts the night is given up (the next night runs
 * as usual, and computes the state as of then anyway).
 */
public record Backoff(Duration first, Duration max, int maxAttempts) {
  public Backoff {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(max, "max");
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 < first <= max, got " + first + ", " + max);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
  }

  /** The wait after {@code failures} (1 or more) failed attempts. */
  public Duration delayAfter(int failures) {
    if (failures < 1) {
      return Duration.ZERO;
    }
    Duration delay = first;
    for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
