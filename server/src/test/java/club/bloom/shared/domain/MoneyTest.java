package club.bloom.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void amountsAlwaysCarryTwoFractionDigits() {
    assertEquals("30000.00", Money.rub("30000").plain());
    assertEquals("0.50", Money.rub("0.5").plain());
    assertEquals("12.30", Money.rub("12.300").plain());
  }

  @Test
  void equalAmountsAreEqualWhateverTheirWrittenScale() {
    assertEquals(Money.rub("30000"), Money.rub("30000.00"));
    assertEquals(Money.rub("1E+3"), Money.rub("1000.00"));
  }

  @Test
  void moreThanTwoSignificantFractionDigitsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Money.rub("0.001"));
    assertThrows(IllegalArgumentException.class, () -> Money.rub("29999.995"));
  }

  @Test
  void amountAndCurrencyAreRequired() {
    assertThrows(NullPointerException.class, () -> new Money(null, Money.RUB));
    assertThrows(NullPointerException.class, () -> new Money(BigDecimal.ONE, null));
  }

  @Test
  void plusAndMinusAreExactToTheKopeck() {
    assertEquals(Money.rub("30000.00"), Money.rub("29999.99").plus(Money.rub("0.01")));
    assertEquals(Money.rub("5400.50"), Money.rub("30000").minus(Money.rub("24599.50")));
    assertEquals(Money.rub("-0.01"), Money.rub("29999.99").minus(Money.rub("30000")));
  }

  @Test
  void onlyAmountsAboveZeroArePositive() {
    assertTrue(Money.rub("0.01").isPositive());
    assertFalse(Money.zero(Money.RUB).isPositive());
    assertFalse(Money.rub("-0.01").isPositive());
  }

  @Test
  void amountsCompareByValue() {
    assertTrue(Money.rub("29999.99").compareTo(Money.rub("30000")) < 0);
    assertEquals(0, Money.rub("30000").compareTo(Money.rub("30000.00")));
  }

  @Test
  void differentCurrenciesDoNotMix() {
    Money euros = new Money(BigDecimal.TEN, "EUR");

    assertThrows(IllegalArgumentException.class, () -> Money.rub("10").plus(euros));
    assertThrows(IllegalArgumentException.class, () -> Money.rub("10").minus(euros));
    assertThrows(IllegalArgumentException.class, () -> Money.rub("10").compareTo(euros));
  }
}
