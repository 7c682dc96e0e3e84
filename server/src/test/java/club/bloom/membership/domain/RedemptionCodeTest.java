package club.bloom.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import club.bloom.membership.domain.RedemptionCode.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RedemptionCodeTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final byte[] RIGHT = {1, 2, 3};
  private static final byte[] WRONG = {1, 2, 4};

  private final RedemptionCode code = RedemptionCode.issue(UUID.randomUUID(), RIGHT, T0);

  @Test
  void aFreshCodeIsValidForFiveMinutesWithFiveAttempts() {
    assertEquals(T0.plus(Duration.ofMinutes(5)), code.expiresAt());
    assertEquals(5, code.attemptsLeft());
  }

  @Test
  void theRightCodeIsAcceptedWithoutSpendingAnAttempt() {
    assertEquals(Check.ACCEPTED, code.check(RIGHT, T0.plusSeconds(299)));
    assertEquals(5, code.attemptsLeft());
  }

  @Test
  void aWrongCodeSpendsAnAttempt() {
    assertEquals(Check.WRONG, code.check(WRONG, T0));
    assertEquals(4, code.attemptsLeft());
    assertEquals(Check.ACCEPTED, code.check(RIGHT, T0));
  }

  @Test
  void fiveWrongCodesLockItAndEvenTheRightOneIsRefusedThen() {
    for (int i = 0; i < 5; i++) {
      assertEquals(Check.WRONG, code.check(WRONG, T0));
    }
    assertEquals(0, code.attemptsLeft());

    assertEquals(Check.LOCKED, code.check(RIGHT, T0));
    assertEquals(Check.LOCKED, code.check(WRONG, T0));
    assertEquals(0, code.attemptsLeft());
  }

  @Test
  void anExpiredCodeAcceptsNothingAndCostsNothing() {
    Instant fiveMinutesLater = T0.plus(Duration.ofMinutes(5));

    assertEquals(Check.EXPIRED, code.check(RIGHT, fiveMinutesLater));
    assertEquals(Check.EXPIRED, code.check(WRONG, fiveMinutesLater));
    assertEquals(5, code.attemptsLeft());
  }

  @Test
  void theHashIsCopiedInAndOut() {
    byte[] hash = {9, 9};
    RedemptionCode c = RedemptionCode.issue(UUID.randomUUID(), hash, T0);
    hash[0] = 0;
    c.codeHash()[1] = 0;

    assertEquals(Check.ACCEPTED, c.check(new byte[] {9, 9}, T0));
  }
}
