package club.bloom.ledger.domain;

import club.bloom.shared.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How a receipt is paid: whole points, the rubles they are worth, and the rest in money — the part
 * that earns points. Points are whole; their worth is {@code points × ruble value}, rounded down to
 * the kopeck (never more than the points are worth); the receipt's amount is always exactly the sum
 * of the two parts.
 *
 * <p>The club's limit is a share of the receipt: points may pay at most {@code maxPercent} of it,
 * so at most {@code floor(amount × maxPercent / (100 × ruble value))} points, computed exactly.
 */
public record PointsPayment(long points, Money paidWithPoints, Money paidWithMoney) {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public PointsPayment {
    Objects.requireNonNull(paidWithPoints, "paidWithPoints");
    Objects.requireNonNull(paidWithMoney, "paidWithMoney");
    if (points < 0 || paidWithPoints.amount().signum() < 0 || paidWithMoney.amount().signum() < 0) {
      throw new IllegalArgumentException("no part of a payment is negative");
    }
  }

  /** The whole receipt paid with money. */
  public static PointsPayment none(Money receipt) {
    return new PointsPayment(0, Money.zero(receipt.currency()), receipt);
  }

  /**
   * The most points that may pay the receipt under the club's limit.
   *
   * @param rubleValue what one point is worth; must be positive
   * @param maxPercent the share of the receipt points may pay, 0–100
   */
  public static long maxPoints(Money receipt, BigDecimal rubleValue, BigDecimal maxPercent) {
    requirePositive(rubleValue);
    if (maxPercent.signum() < 0 || maxPercent.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException("the limit is a percentage: " + maxPercent);
    }
    return receipt
        .amount()
        .multiply(maxPercent)
        .divide(HUNDRED.multiply(rubleValue), 0, RoundingMode.DOWN)
        .longValueExact();
  }

  /**
   * Splits the receipt: {@code points} pay their worth, money pays the rest. Whether that many
   * points are allowed is {@link #maxPoints}'s question, asked first.
   */
  public static PointsPayment of(Money receipt, long points, BigDecimal rubleValue) {
    requirePositive(rubleValue);
    BigDecimal worth =
        BigDecimal.valueOf(points).multiply(rubleValue).setScale(2, RoundingMode.DOWN);
    Money withPoints = new Money(worth, receipt.currency());
    if (withPoints.compareTo(receipt) > 0) {
      throw new IllegalArgumentException("the points are worth more than the receipt");
    }
    return new PointsPayment(points, withPoints, receipt.minus(withPoints));
  }

  private static void requirePositive(BigDecimal rubleValue) {
    if (rubleValue == null || rubleValue.signum() <= 0) {
      throw new IllegalArgumentException("points without a positive ruble value pay nothing");
    }
  }
}
