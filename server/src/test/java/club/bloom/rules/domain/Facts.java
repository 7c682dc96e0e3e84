package club.bloom.rules.domain;

import club.bloom.shared.domain.Money;
import java.time.LocalDateTime;
import java.util.List;

/** Builds the facts of a purchase for tests: sensible defaults, one change at a time. */
public record Facts(
    String amount,
    String category,
    String partner,
    LocalDateTime at,
    String tier,
    int daysToBirthday,
    long purchasesCount,
    List<String> categoriesThisMonth,
    List<String> segments) {

  /**
   * 2 000 ₽ at a florist on Friday 27 November 2026, 19:30; an Insider with 5 earlier purchases.
   */
  public static Facts purchase() {
    return new Facts(
        "2000.00",
        "florist",
        "rose-garden",
        LocalDateTime.of(2026, 11, 27, 19, 30),
        "insider",
        -1,
        5,
        List.of("gastro"),
        List.of());
  }

  public Facts amount(String value) {
    return new Facts(
        value,
        category,
        partner,
        at,
        tier,
        daysToBirthday,
        purchasesCount,
        categoriesThisMonth,
        segments);
  }

  public Facts category(String value) {
    return new Facts(
        amount,
        value,
        partner,
        at,
        tier,
        daysToBirthday,
        purchasesCount,
        categoriesThisMonth,
        segments);
  }

  public Facts at(LocalDateTime value) {
    return new Facts(
        amount,
        category,
        partner,
        value,
        tier,
        daysToBirthday,
        purchasesCount,
        categoriesThisMonth,
        segments);
  }

  public Facts tier(String value) {
    return new Facts(
        amount,
        category,
        partner,
        at,
        value,
        daysToBirthday,
        purchasesCount,
        categoriesThisMonth,
        segments);
  }

  public Facts daysToBirthday(int value) {
    return new Facts(
        amount, category, partner, at, tier, value, purchasesCount, categoriesThisMonth, segments);
  }

  public Facts purchasesCount(long value) {
    return new Facts(
        amount, category, partner, at, tier, daysToBirthday, value, categoriesThisMonth, segments);
  }

  public Facts withCategoriesThisMonth(String... values) {
    return new Facts(
        amount,
        category,
        partner,
        at,
        tier,
        daysToBirthday,
        purchasesCount,
        List.of(values),
        segments);
  }

  public Facts withSegments(String... values) {
    return new Facts(
        amount,
        category,
        partner,
        at,
        tier,
        daysToBirthday,
        purchasesCount,
        categoriesThisMonth,
        List.of(values));
  }

  public PurchaseFacts build() {
    return new PurchaseFacts(
        new PurchaseFacts.Purchase(Money.rub(amount), category, partner, at),
        new PurchaseFacts.Member(
            tier, daysToBirthday, purchasesCount, categoriesThisMonth, segments));
  }
}
