package club.bloom.rules.domain;

import java.math.BigDecimal;
import java.util.Optional;

/** What a rule grants when its condition holds. */
public enum EffectKind {
  /** A percent of the purchase amount (e.g. 3 → 3 points per 100 ₽), rounded down. */
  ACCRUAL_PERCENT {
    @Override
    public Optional<String> problemWith(BigDecimal value) {
      return value.signum() > 0 && value.compareTo(HUNDRED) <= 0
          ? Optional.empty()
          : Optional.of("must be a percent greater than 0 and at most 100");
    }
  },
  /**
   * Multiplies the purchase's base accrual (the tier's percent): ×1.5 adds half the base points, ×2
   * adds the base points once more. Several multipliers add up their extras (×1.5 and ×2 give base
   * × 2.5, not × 3).
   */
  MULTIPLIER {
    @Override
    public Optional<String> problemWith(BigDecimal value) {
      return value.compareTo(BigDecimal.ONE) > 0 && value.compareTo(BigDecimal.TEN) <= 0
          ? Optional.empty()
          : Optional.of("must be a multiplier greater than 1 and at most 10");
    }
  },
  /** A fixed number of points, whatever the amount (a birthday or welcome bonus). */
  FIXED_POINTS {
    @Override
    public Optional<String> problemWith(BigDecimal value) {
      boolean whole = value.stripTrailingZeros().scale() <= 0;
      return whole && value.signum() > 0 && value.compareTo(MAX_FIXED_POINTS) <= 0
          ? Optional.empty()
          : Optional.of("must be whole points, from 1 to 1000000");
    }
  };

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal MAX_FIXED_POINTS = BigDecimal.valueOf(1_000_000);

  /** Why {@code value} is not a valid value of this effect, if it is not. */
  public abstract Optional<String> problemWith(BigDecimal value);

  /** Whether the club's cap on the accrual percent per receipt limits this effect. */
  public boolean isCapped() {
    return this != FIXED_POINTS;
  }
}
