package club.bloom.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateDecisionTest {
  @Test
  void waitsAreWholeSecondsRoundedUp() {
    assertEquals(0, RateDecision.seconds(0));
    assertEquals(1, RateDecision.seconds(1));
    assertEquals(1, RateDecision.seconds(100_000_000L));
    assertEquals(1, RateDecision.seconds(1_000_000_000L));
    assertEquals(2, RateDecision.seconds(1_000_000_001L));
  }

  @Test
  void aRefusalSaysWhenToRetryAndWhatThePlanAllows() {
    RateLimited e = new RateLimited(new RateDecision(false, 10, 0, 1, 1));
    assertEquals("rate-limited", e.type());
    assertEquals("1", e.headers().get("Retry-After"));
    assertEquals("apiRequestsPerSecond", e.extensions().get("limit"));
    assertEquals(10L, e.extensions().get("allowed"));
  }
}
