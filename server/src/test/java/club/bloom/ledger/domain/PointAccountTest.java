package club.bloom.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PointAccountTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:15:00Z");
  private final UUID member = UUID.randomUUID();

  @Test
  void aNewAccountBelongsToItsMemberAndHoldsNoPoints() {
    PointAccount account = PointAccount.open(member);

    assertEquals(member, account.memberId());
    assertEquals(0, account.balance());
  }

  @Test
  void creditsAddUpAndEachReturnsItsPosting() {
    PointAccount account = PointAccount.open(member);

    PointPosting first = account.credit(99, PointPosting.PURCHASE, UUID.randomUUID(), NOW);
    PointPosting second = account.credit(700, PointPosting.PURCHASE, UUID.randomUUID(), NOW);

    assertEquals(799, account.balance());
    assertEquals(99, first.points());
    assertEquals(700, second.points());
  }

  @Test
  void aZeroCreditIsRecordedAndChangesNothing() {
    PointAccount account = PointAccount.open(member);

    PointPosting posting = account.credit(0, PointPosting.PURCHASE, null, NOW);

    assertEquals(0, posting.points());
    assertEquals(0, account.balance());
  }

  @Test
  void aNegativeCreditIsRejectedAndLeavesTheBalanceAlone() {
    PointAccount account = PointAccount.open(member);
    account.credit(50, PointPosting.PURCHASE, UUID.randomUUID(), NOW);

    assertThrows(
        IllegalArgumentException.class,
        () -> account.credit(-1, PointPosting.PURCHASE, UUID.randomUUID(), NOW));
    assertEquals(50, account.balance());
  }

  @Test
  void aBalanceNeverOverflows() {
    PointAccount account = PointAccount.open(member);
    account.credit(Long.MAX_VALUE, PointPosting.PURCHASE, UUID.randomUUID(), NOW);

    assertThrows(
        ArithmeticException.class,
        () -> account.credit(1, PointPosting.PURCHASE, UUID.randomUUID(), NOW));
    assertEquals(Long.MAX_VALUE, account.balance());
  }
}
