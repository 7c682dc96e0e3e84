package club.bloom.billing.domain;

/**
 * The rate limiter's answer for one request: admitted or not, and what the rate-limit headers say.
 *
 * @param limit requests per second the tenant may make (also the burst it may make at once)
 * @param remaining requests left right now
 * @param retryAfterSeconds when refused, whole seconds until a request would be admitted (≥ 1)
 * @param resetSeconds whole seconds until the full burst is available again
 */
public record RateDecision(
    boolean admitted, long limit, long remaining, long retryAfterSeconds, long resetSeconds) {

  /** Nanoseconds to whole seconds, rounded up. */
  public static long seconds(long nanos) {
    return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
  }
}
