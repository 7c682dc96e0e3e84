package club.bloom.communications.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private final RetryPolicy policy =
      new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(72));

  @Test
  void theCeilingDoublesFromTheFirstDelayUpToTheLargest() {
    assertEquals(Duration.ofSeconds(5), policy.ceiling(1));
    assertEquals(Duration.ofSeconds(10), policy.ceiling(2));
    assertEquals(Duration.ofSeconds(20), policy.ceiling(3));
    assertEquals(Duration.ofSeconds(2560), policy.ceiling(10));
    assertEquals(Duration.ofHours(1), policy.ceiling(11));
    assertEquals(Duration.ofHours(1), policy.ceiling(1_000_000));
  }

  @Test
  void eachDelayIsDrawnBetweenHalfTheCeilingAndAllOfIt() {
    RandomGenerator random = new Random(42);
    for (int attempts = 1; attempts <= 20; attempts++) {
      Duration ceiling = policy.ceiling(attempts);
      Set<Duration> seen = new HashSet<>();
      for (int i = 0; i < 200; i++) {
        Duration delay = policy.delayAfter(attempts, random);
        assertTrue(delay.compareTo(ceiling.dividedBy(2)) >= 0, delay + " below half of " + ceiling);
        assertTrue(delay.compareTo(ceiling) <= 0, delay + " above " + ceiling);
        seen.add(delay);
      }
      assertTrue(seen.size() > 50, "the delays are spread, not one value: " + seen.size());
    }
  }

  @Test
  void theExtremesOfTheJitterAreReachable() {
    assertEquals(Duration.ofMillis(2500), policy.delayAfter(1, fixed(0)));
    assertEquals(Duration.ofMillis(5000), policy.delayAfter(1, fixed(Long.MAX_VALUE)));
  }

  @Test
  void aDeliveredMessageIsDone() {
    assertInstanceOf(
        RetryPolicy.Next.Done.class, policy.next(Delivery.delivered(), 3, T0, T0, new Random()));
  }

  @Test
  void aTransientFailureIsRetriedAfterTheBackoff() {
    RetryPolicy.Next next =
        policy.next(
            Delivery.transientFailure("java.net.ConnectException"),
            3,
            T0,
            T0.plusSeconds(40),
            fixed(Long.MAX_VALUE));
    RetryPolicy.Next.Retry retry = assertInstanceOf(RetryPolicy.Next.Retry.class, next);
    assertEquals(Duration.ofSeconds(20), retry.delay());
    assertEquals("java.net.ConnectException", retry.reason());
  }

  @Test
  void aPermanentFailureIsGivenUpAtOnce() {
    RetryPolicy.Next next =
        policy.next(Delivery.permanentFailure("SMTP 550"), 1, T0, T0, new Random());
    assertEquals(
        "permanent: SMTP 550", assertInstanceOf(RetryPolicy.Next.GiveUp.class, next).reason());
  }

  @Test
  void aRowIsRetriedForDaysThenGivenUpWhenTheNextAttemptWouldBeTooLate() {
    RandomGenerator random = new Random(7);
    Instant now = T0;
    int attempts = 0;
    RetryPolicy.Next next;
    do {
      attempts++;
      next = policy.next(Delivery.transientFailure("down"), attempts, T0, now, random);
      if (next instanceof RetryPolicy.Next.Retry retry) {
        now = now.plus(retry.delay());
      }
    } while (next instanceof RetryPolicy.Next.Retry);
    RetryPolicy.Next.GiveUp giveUp = assertInstanceOf(RetryPolicy.Next.GiveUp.class, next);
    assertTrue(
        giveUp.reason().startsWith("gave up after " + attempts + " attempts"), giveUp.reason());
    assertTrue(Duration.between(T0, now).compareTo(Duration.ofHours(70)) > 0, "retried for days");
    assertTrue(!now.isAfter(T0.plus(Duration.ofHours(72))), "never past the deadline");
    assertTrue(attempts > 60 && attempts < 200, "about hourly after the first hour: " + attempts);
  }

  @Test
  void impossibleSettingsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), Duration.ofHours(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofHours(1)));
  }

  @Test
  void aFailureReasonIsBoundedInLength() {
    assertEquals(
        Delivery.MAX_REASON, Delivery.transientFailure("x".repeat(1000)).reason().length());
  }

  /** A generator whose bounded draws are always 0, or always the bound's top. */
  private static RandomGenerator fixed(long raw) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return raw;
      }

      @Override
      public long nextLong(long bound) {
        return raw == 0 ? 0 : bound - 1;
      }
    };
  }
}
