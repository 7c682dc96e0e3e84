package club.bloom.shared.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An amount of money with its currency; two fraction digits, never a float. */
public record Money(BigDecimal amount, String currency) implements Comparable<Money> {
  public static final String RUB = "RUB";

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("more than two fraction digits: " + amount);
    }
    amount = amount.setScale(2, RoundingMode.UNNECESSARY);
  }

  public static Money rub(String amount) {
    return new Money(new BigDecimal(amount), RUB);
  }

  public static Money zero(String currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "currency mismatch: " + currency + " vs " + other.currency);
    }
  }

  /** The amount as the contract writes it: plain decimal, two fraction digits. */
  public String plain() {
    return amount.toPlainString();
  }
}
