package club.bloom.shared.api;

import club.bloom.shared.domain.Money;

/** Contract shapes shared by several resources. */
public final class Dto {
  private Dto() {}

  /** The contract's {@code Money}. */
  public record MoneyDto(String amount, String currency) {
    public static MoneyDto of(Money money) {
      return money == null ? null : new MoneyDto(money.plain(), money.currency());
    }
  }

  /** The contract's {@code TierRef}. */
  public record TierRef(String code, String name) {}
}
