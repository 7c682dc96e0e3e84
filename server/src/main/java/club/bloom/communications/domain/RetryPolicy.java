package club.bloom.communications.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again, and when it is given up. The delay doubles from {@code
 * first} with each attempt up to {@code max} ("exponential backoff"), and each delay is drawn
 * between half of that and all of it ("equal jitter"), so that rows failed together by one outage
 * do not all come back in the same second. A row is given up when its next attempt would fall later
 * than {@code giveUpAfter} from its creation, or at once when the failure is permanent.
 *
 * <p>With the defaults (5 s, 1 h, 72 h) a row is tried about 80 times: within a minute 4 times,
 * then ever more sparsely, then hourly for three days.
 */
public record RetryPolicy(Duration first, Duration max, Duration giveUpAfter) {
  /** Beyond this, doubling {@code first} overflows nothing but exceeds any sensible max. */
  private static final int MAX_DOUBLINGS = 40;

  public RetryPolicy {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    if (first.isNegative() || first.isZero()) {
      throw new IllegalArgumentException("the first delay must be positive");
    }
    if (max.compareTo(first) < 0) {
      throw new IllegalArgumentException("the largest delay must not be below the first");
    }
    if (giveUpAfter.isNegative()) {
      throw new IllegalArgumentException("giveUpAfter must not be negative");
    }
  }

  /** The longest delay after {@code attempts} failed attempts, before jitter. */
  public Duration ceiling(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts start at 1");
    }
    int doublings = Math.min(attempts - 1, MAX_DOUBLINGS);
    long millis = first.toMillis();
    long maxMillis = max.toMillis();
    for (int i = 0; i < doublings && millis < maxMillis; i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxMillis));
  }

  /** The delay after {@code attempts} failed attempts: in [ceiling / 2, ceiling]. */
  public Duration delayAfter(int attempts, RandomGenerator random) {
    long ceiling = ceiling(attempts).toMillis();
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
  }

  /**
   * What follows an attempt.
   *
   * @param attempts attempts made so far, this one included
   * @param createdAt when the row was written
   * @param now the time of the decision
   */
  public Next next(
      Delivery result, int attempts, Instant createdAt, Instant now, RandomGenerator random) {
    if (result instanceof Delivery.Delivered) {
      return new Next.Done();
    }
    Delivery.Failed failed = (Delivery.Failed) result;
    if (failed.permanent()) {
      return new Next.GiveUp("permanent: " + failed.reason());
    }
    Duration delay = delayAfter(attempts, random);
    if (now.plus(delay).isAfter(createdAt.plus(giveUpAfter))) {
      return new Next.GiveUp(
          "gave up after " + attempts + " attempts in " + giveUpAfter + ": " + failed.reason());
    }
    return new Next.Retry(delay, failed.reason());
  }

  /** What follows an attempt. */
  public sealed interface Next {
    /** Delivered: nothing more to do. */
    record Done() implements Next {}

    /** Try again after {@code delay}. */
    record Retry(Duration delay, String reason) implements Next {}

    /** Failed for good. */
    record GiveUp(String reason) implements Next {}
  }
}
