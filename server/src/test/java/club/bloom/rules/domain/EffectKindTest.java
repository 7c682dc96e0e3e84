package club.bloom.rules.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EffectKindTest {
  private static boolean valid(EffectKind kind, String value) {
    return kind.problemWith(new BigDecimal(value)).isEmpty();
  }

  @Test
  void anAccrualPercentIsAboveZeroAndAtMostAHundred() {
    assertTrue(valid(EffectKind.ACCRUAL_PERCENT, "0.01"));
    assertTrue(valid(EffectKind.ACCRUAL_PERCENT, "100"));
    assertFalse(valid(EffectKind.ACCRUAL_PERCENT, "0"));
    assertFalse(valid(EffectKind.ACCRUAL_PERCENT, "100.01"));
  }

  @Test
  void aMultiplierIsAboveOneAndAtMostTen() {
    assertTrue(valid(EffectKind.MULTIPLIER, "1.01"));
    assertTrue(valid(EffectKind.MULTIPLIER, "10"));
    assertFalse(valid(EffectKind.MULTIPLIER, "1"));
    assertFalse(valid(EffectKind.MULTIPLIER, "0.5"));
    assertFalse(valid(EffectKind.MULTIPLIER, "10.5"));
  }

  @Test
  void fixedPointsAreWholeAndPositive() {
    assertTrue(valid(EffectKind.FIXED_POINTS, "500"));
    assertTrue(valid(EffectKind.FIXED_POINTS, "500.00"));
    assertFalse(valid(EffectKind.FIXED_POINTS, "500.5"));
    assertFalse(valid(EffectKind.FIXED_POINTS, "0"));
    assertFalse(valid(EffectKind.FIXED_POINTS, "1000001"));
  }

  @Test
  void onlyFixedPointsEscapeTheCap() {
    assertTrue(EffectKind.ACCRUAL_PERCENT.isCapped());
    assertTrue(EffectKind.MULTIPLIER.isCapped());
    assertFalse(EffectKind.FIXED_POINTS.isCapped());
  }
}
