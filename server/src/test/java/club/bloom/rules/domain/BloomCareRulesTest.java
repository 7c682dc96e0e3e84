package club.bloom.rules.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.rules.infrastructure.CelConditionLanguage;
import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.SchemaName;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mission's mechanics as Bloom&amp;Care's default rules, evaluated with the real CEL engine:
 * welcome and birthday bonuses, 3 % cross-credits for 10 days, ×1.5 for the first purchase in a
 * category this month, and VIP double points for it instead.
 */
class BloomCareRulesTest {
  private static final RuleSet RULES = BloomCareRules.load();
  private static final CelConditionLanguage CEL = new CelConditionLanguage();
  private static final SchemaName CLUB = new SchemaName("club_bloom_care");

  /** 2 000 ₽ at the florist; an Insider (5 %) with earlier purchases, already in florist. */
  private static Facts regular() {
    return Facts.purchase()
        .amount("2000.00")
        .category("florist")
        .tier("insider")
        .purchasesCount(5)
        .withCategoriesThisMonth("florist");
  }

  private static long base(Facts facts, String percent) {
    return Money.rub(facts.amount())
        .amount()
        .multiply(new BigDecimal(percent))
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN)
        .longValueExact();
  }

  private static Evaluation evaluate(Facts facts, long base) {
    return RULES.evaluate(facts.build(), base, r -> CEL.compile(CLUB, r.code(), r.condition()));
  }

  private static List<String> fired(Evaluation e) {
    return e.fired().stream().map(FiredRule::code).toList();
  }

  private static SkipReason skipReason(Evaluation e, String code) {
    return e.skipped().stream()
        .filter(s -> s.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError(code + " was not skipped: " + e))
        .reason();
  }

  private static long granted(Evaluation e, String code) {
    return e.grants().stream()
        .filter(g -> g.ruleCode().equals(code))
        .mapToLong(Grant::points)
        .sum();
  }

  @Test
  void everyDefaultConditionCompiles() {
    RULES.rules().forEach(r -> assertEquals(List.of(), CEL.check(r.condition()), r.code()));
    assertEquals(
        List.of("welcome", "birthday", "cross-credits", "vip-new-category", "new-category"),
        RULES.rules().stream().map(RuleDefinition::code).toList(),
        "the exclusive VIP rule comes after the bonuses and cross-credits, before ×1.5");
    assertEquals(0, new BigDecimal("25").compareTo(RULES.maxAccrualPercent()));
  }

  @Test
  void anOrdinaryPurchaseEarnsOnlyCrossCredits() {
    Evaluation e = evaluate(regular(), 100);

    assertEquals(List.of("cross-credits"), fired(e));
    assertEquals(SkipReason.CONDITION_FALSE, skipReason(e, "welcome"));
    assertEquals(SkipReason.CONDITION_FALSE, skipReason(e, "birthday"));
    assertEquals(SkipReason.CONDITION_FALSE, skipReason(e, "vip-new-category"));
    assertEquals(SkipReason.CONDITION_FALSE, skipReason(e, "new-category"));
  }

  @Test
  void crossCreditsAreThreePercentInTheirOwnCurrencyForTenDays() {
    Evaluation e = evaluate(regular().amount("1999.99"), 99);

    Grant cross = e.grants().get(0);
    assertEquals("cross-credits", cross.currency());
    assertEquals(59, cross.points(), "3 % of 1 999,99 ₽ = 59,9997, rounded down");
    assertEquals(10, cross.expiresInDays());
    assertEquals(0, e.points("points"));
  }

  @Test
  void theWelcomeBonusIsForTheFirstPurchaseOnly() {
    Evaluation first = evaluate(regular().purchasesCount(0).withCategoriesThisMonth(), 100);
    assertEquals(300, granted(first, "welcome"));

    Evaluation second = evaluate(regular().purchasesCount(1), 100);
    assertEquals(SkipReason.CONDITION_FALSE, skipReason(second, "welcome"));
  }

  @Test
  void theBirthdayBonusCoversTheBirthdayAndTheThreeDaysBefore() {
    for (int days : new int[] {0, 1, 2, 3}) {
      assertEquals(
          500, granted(evaluate(regular().daysToBirthday(days), 100), "birthday"), "" + days);
    }
  }

  @Test
  void theBirthdayBonusIsNotGivenFourDaysBeforeNorAfterNorWithoutABirthday() {
    for (int days : new int[] {4, 364, 365, -1}) {
      assertEquals(
          SkipReason.CONDITION_FALSE,
          skipReason(evaluate(regular().daysToBirthday(days), 100), "birthday"),
          "" + days);
    }
  }

  @Test
  void theFirstPurchaseInACategoryThisMonthEarnsHalfTheBaseMore() {
    Facts facts = regular().category("spa");
    long base = base(facts, "5");

    Evaluation e = evaluate(facts, base);

    assertEquals(100, base);
    assertEquals(50, granted(e, "new-category"), "×1.5 of 100 base points");
    assertEquals(SkipReason.CONDITION_FALSE, skipReason(e, "vip-new-category"));
  }

  @Test
  void anotherPurchaseInTheSameCategoryThisMonthEarnsNoMultiplier() {
    Evaluation e = evaluate(regular().tier("vip"), 140);

    assertEquals(SkipReason.CONDITION_FALSE, skipReason(e, "vip-new-category"));
    assertEquals(SkipReason.CONDITION_FALSE, skipReason(e, "new-category"));
  }

  @Test
  void aVipEarnsDoublePointsInANewCategoryInsteadOfOneAndAHalf() {
    Facts facts = regular().tier("vip").category("cosmetology");
    long base = base(facts, "7");

    Evaluation e = evaluate(facts, base);

    assertEquals(140, granted(e, "vip-new-category"), "×2 of 140 base points");
    assertEquals(SkipReason.SHADOWED, skipReason(e, "new-category"));
    assertEquals(60, granted(e, "cross-credits"), "cross-credits come before and still count");
  }

  @Test
  void otherTiersGetOneAndAHalfInANewCategory() {
    Facts facts = regular().tier("elite").category("cosmetology");

    Evaluation e = evaluate(facts, base(facts, "10"));

    assertEquals(100, granted(e, "new-category"));
    assertEquals(SkipReason.CONDITION_FALSE, skipReason(e, "vip-new-category"));
  }

  @Test
  void aNewMembersFirstPurchaseOnHerBirthdayStacksEverything() {
    Facts facts = regular().purchasesCount(0).withCategoriesThisMonth().daysToBirthday(0);

    Evaluation e = evaluate(facts, base(facts, "5"));

    assertEquals(List.of("welcome", "birthday", "cross-credits", "new-category"), fired(e));
    assertEquals(300 + 500 + 50, e.points("points"));
    assertEquals(60, e.points("cross-credits"));
  }

  @Test
  void theTwentyFivePercentCapNeverCutsTheDefaultRulesOfAnyTier() {
    // highest proportional earning: Inner Circle 12 % ×1.5 + 3 % = 21 %; VIP 7 % ×2 + 3 % = 17 %
    for (String[] tier :
        new String[][] {{"insider", "5"}, {"vip", "7"}, {"elite", "10"}, {"inner-circle", "12"}}) {
      Facts facts = regular().tier(tier[0]).category("wine");
      Evaluation e = evaluate(facts, base(facts, tier[1]));
      assertFalse(e.fired().stream().anyMatch(FiredRule::capped), tier[0]);
      assertTrue(e.skipped().stream().noneMatch(s -> s.reason() == SkipReason.CAPPED), tier[0]);
    }
  }
}
