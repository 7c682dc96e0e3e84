package club.bloom.ledger.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.shared.domain.Money;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PointsPaymentTest {
  private static final BigDecimal ONE_RUBLE = BigDecimal.ONE;
  private static final BigDecimal HALF = new BigDecimal("50");

  @Test
  void pointsWorthOneRubleMayPayHalfOfTheReceiptByDefault() {
    assertEquals(500, PointsPayment.maxPoints(Money.rub("1000.00"), ONE_RUBLE, HALF));
  }

  @Test
  void theLimitIsRoundedDownToWholePoints() {
    // 999.99 × 50 % = 499.995 ₽: 499 points, never 500.
    assertEquals(499, PointsPayment.maxPoints(Money.rub("999.99"), ONE_RUBLE, HALF));
  }

  @Test
  void theLimitCountsPointsByTheirRubleValue() {
    assertEquals(1000, PointsPayment.maxPoints(Money.rub("1000.00"), new BigDecimal("0.5"), HALF));
    // 5 000.50 ₽ / 33.33 ₽ per 100 points = 150.03…
    assertEquals(150, PointsPayment.maxPoints(Money.rub("100.01"), new BigDecimal("0.3333"), HALF));
    assertEquals(33, PointsPayment.maxPoints(Money.rub("100.00"), new BigDecimal("1.5"), HALF));
  }

  @Test
  void aClubMayForbidOrAllowPayingWithPointsEntirely() {
    assertEquals(0, PointsPayment.maxPoints(Money.rub("1000.00"), ONE_RUBLE, BigDecimal.ZERO));
    assertEquals(
        1000, PointsPayment.maxPoints(Money.rub("1000.00"), ONE_RUBLE, new BigDecimal("100")));
  }

  @Test
  void theLimitIsAPercentage() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PointsPayment.maxPoints(Money.rub("1.00"), ONE_RUBLE, new BigDecimal("100.01")));
    assertThrows(
        IllegalArgumentException.class,
        () -> PointsPayment.maxPoints(Money.rub("1.00"), ONE_RUBLE, new BigDecimal("-1")));
  }

  @Test
  void pointsWithoutAPositiveRubleValuePayNothing() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PointsPayment.maxPoints(Money.rub("1000.00"), BigDecimal.ZERO, HALF));
    assertThrows(
        IllegalArgumentException.class,
        () -> PointsPayment.of(Money.rub("1000.00"), 10, BigDecimal.ZERO));
  }

  @Test
  void theReceiptIsSplitIntoThePointsWorthAndTheRestInMoney() {
    PointsPayment p = PointsPayment.of(Money.rub("1000.00"), 300, ONE_RUBLE);

    assertEquals(300, p.points());
    assertEquals(Money.rub("300.00"), p.paidWithPoints());
    assertEquals(Money.rub("700.00"), p.paidWithMoney());
  }

  @Test
  void thePointsWorthIsRoundedDownToTheKopeckAndMoneyPaysTheRest() {
    // 7 × 0.3333 = 2.3331 ₽: the points pay 2.33, never more than they are worth.
    PointsPayment p = PointsPayment.of(Money.rub("100.00"), 7, new BigDecimal("0.3333"));

    assertEquals(Money.rub("2.33"), p.paidWithPoints());
    assertEquals(Money.rub("97.67"), p.paidWithMoney());
  }

  @Test
  void noPointsMeansTheWholeReceiptInMoney() {
    PointsPayment p = PointsPayment.none(Money.rub("999.00"));

    assertEquals(0, p.points());
    assertEquals(Money.rub("0.00"), p.paidWithPoints());
    assertEquals(Money.rub("999.00"), p.paidWithMoney());
  }

  @Test
  void pointsWorthMoreThanTheReceiptAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> PointsPayment.of(Money.rub("10.00"), 11, ONE_RUBLE));
  }

  /** Whatever the amount, value and limit: the maximum stays within the limit and is the most. */
  @Test
  void theMaximumIsTheMostPointsWithinTheLimitAndTheSplitAlwaysAddsUp() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      Money amount = new Money(BigDecimal.valueOf(1 + random.nextInt(10_000_000), 2), Money.RUB);
      BigDecimal value = BigDecimal.valueOf(1 + random.nextInt(50_000), 4);
      BigDecimal percent = BigDecimal.valueOf(random.nextInt(10_001), 2);
      long max = PointsPayment.maxPoints(amount, value, percent);
      BigDecimal cap = amount.amount().multiply(percent).divide(BigDecimal.valueOf(100));

      BigDecimal worthOfMax = BigDecimal.valueOf(max).multiply(value);
      BigDecimal worthOfOneMore = BigDecimal.valueOf(max + 1).multiply(value);
      assertTrue(worthOfMax.compareTo(cap) <= 0, () -> amount + " " + value + " " + percent);
      assertTrue(worthOfOneMore.compareTo(cap) > 0, () -> amount + " " + value + " " + percent);

      PointsPayment split = PointsPayment.of(amount, max, value);
      assertEquals(amount, split.paidWithPoints().plus(split.paidWithMoney()));
      assertTrue(split.paidWithPoints().amount().compareTo(worthOfMax) <= 0);
    }
  }
}
