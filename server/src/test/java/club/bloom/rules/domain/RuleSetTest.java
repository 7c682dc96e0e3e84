package club.bloom.rules.domain;

import static club.bloom.rules.domain.EffectKind.ACCRUAL_PERCENT;
import static club.bloom.rules.domain.EffectKind.FIXED_POINTS;
import static club.bloom.rules.domain.EffectKind.MULTIPLIER;
import static club.bloom.rules.domain.Rules.allHold;
import static club.bloom.rules.domain.Rules.exclusive;
import static club.bloom.rules.domain.Rules.holding;
import static club.bloom.rules.domain.Rules.in;
import static club.bloom.rules.domain.Rules.inactive;
import static club.bloom.rules.domain.Rules.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSetTest {
  private static final PurchaseFacts THOUSAND = Facts.purchase().amount("1000.00").build();

  private static RuleSet rules(RuleDefinition... rules) {
    return new RuleSet(List.of(rules), null);
  }

  private static RuleSet capped(String percent, RuleDefinition... rules) {
    return new RuleSet(List.of(rules), new BigDecimal(percent));
  }

  private static List<String> codes(List<FiredRule> fired) {
    return fired.stream().map(FiredRule::code).toList();
  }

  private static SkippedRule skipped(Evaluation e, String code) {
    return e.skipped().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
  }

  private static FiredRule fired(Evaluation e, String code) {
    return e.fired().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void withoutRulesAPurchaseEarnsNothingBeyondItsBase() {
    Evaluation e = rules().evaluate(THOUSAND, 50, allHold());

    assertTrue(e.fired().isEmpty());
    assertTrue(e.skipped().isEmpty());
    assertTrue(e.grants().isEmpty());
  }

  @Test
  void anAccrualPercentIsAPercentOfTheAmountRoundedDown() {
    PurchaseFacts facts = Facts.purchase().amount("1999.99").build();

    Evaluation e = rules(rule("extra", 1, ACCRUAL_PERCENT, "3")).evaluate(facts, 0, allHold());

    // 1 999,99 × 3 % = 59,9997
    assertEquals(59, e.points("points"));
    assertEquals(
        "the condition holds; 3% of 1999.99 ₽ = 59 points (59.9997, rounded down)",
        e.grants().get(0).explanation());
  }

  @Test
  void aFractionalAccrualPercentIsExactBeforeRounding() {
    PurchaseFacts facts = Facts.purchase().amount("1428.57").build();

    Evaluation e = rules(rule("extra", 1, ACCRUAL_PERCENT, "7.5")).evaluate(facts, 0, allHold());

    // 1 428,57 × 7,5 % = 107,14275
    assertEquals(107, e.points("points"));
  }

  @Test
  void aMultiplierAddsItsExtraOverTheBaseAccrual() {
    Evaluation e = rules(rule("x15", 1, MULTIPLIER, "1.5")).evaluate(THOUSAND, 75, allHold());

    // ×1,5 on 75 base points: 112,5 in all, so 37 more (rounded down), the base stays with tiers.
    assertEquals(37, e.points("points"));
    assertEquals(
        "the condition holds; ×1.5 of the base 75 points adds 37 points (37.5, rounded down)",
        e.grants().get(0).explanation());
  }

  @Test
  void aMultiplierOfAZeroBaseAddsNothing() {
    Evaluation e = rules(rule("x2", 1, MULTIPLIER, "2")).evaluate(THOUSAND, 0, allHold());

    assertEquals(List.of("x2"), codes(e.fired()));
    assertEquals(0, e.fired().get(0).points());
    assertTrue(e.grants().isEmpty(), "no grant of zero points");
  }

  @Test
  void severalMultipliersAddTheirExtrasRatherThanCompound() {
    Evaluation e =
        rules(rule("x15", 1, MULTIPLIER, "1.5"), rule("x2", 2, MULTIPLIER, "2"))
            .evaluate(THOUSAND, 100, allHold());

    // base × (1 + 0,5 + 1) = 250, not base × 1,5 × 2 = 300
    assertEquals(150, e.points("points"));
  }

  @Test
  void fixedPointsDoNotDependOnTheAmount() {
    PurchaseFacts small = Facts.purchase().amount("10.00").build();

    Evaluation e = rules(rule("gift", 1, FIXED_POINTS, "500")).evaluate(small, 0, allHold());

    assertEquals(500, e.points("points"));
    assertEquals("the condition holds; a fixed 500 points", e.grants().get(0).explanation());
  }

  @Test
  void aRuleTooSmallForOnePointFiresButGrantsNothing() {
    PurchaseFacts small = Facts.purchase().amount("10.00").build();

    Evaluation e = rules(rule("extra", 1, ACCRUAL_PERCENT, "3")).evaluate(small, 0, allHold());

    assertEquals(List.of("extra"), codes(e.fired()));
    assertEquals(0, e.fired().get(0).points());
    assertTrue(e.grants().isEmpty());
  }

  @Test
  void rulesAreEvaluatedByPriorityThenCode() {
    Evaluation e =
        rules(
                rule("c", 2, FIXED_POINTS, "1"),
                rule("b", 1, FIXED_POINTS, "1"),
                rule("a", 2, FIXED_POINTS, "1"))
            .evaluate(THOUSAND, 0, allHold());

    assertEquals(List.of("b", "a", "c"), codes(e.fired()));
    assertEquals(List.of("b", "a", "c"), e.grants().stream().map(Grant::ruleCode).toList());
  }

  @Test
  void anExclusiveRuleThatFiresShadowsEveryLaterRule() {
    Evaluation e =
        rules(
                rule("welcome", 1, FIXED_POINTS, "300"),
                exclusive(rule("vip", 2, MULTIPLIER, "2")),
                rule("x15", 3, MULTIPLIER, "1.5"),
                rule("birthday", 4, FIXED_POINTS, "500"))
            .evaluate(THOUSAND, 100, allHold());

    assertEquals(List.of("welcome", "vip"), codes(e.fired()));
    assertEquals(400, e.points("points"));
    SkippedRule x15 = skipped(e, "x15");
    assertEquals(SkipReason.SHADOWED, x15.reason());
    assertEquals("not evaluated: exclusive rule vip fired", x15.explanation());
    assertEquals(SkipReason.SHADOWED, skipped(e, "birthday").reason());
  }

  @Test
  void laterRulesAreNotEvenEvaluatedOnceAnExclusiveRuleFired() {
    Evaluation e =
        rules(exclusive(rule("first", 1, FIXED_POINTS, "1")), rule("broken", 2, FIXED_POINTS, "1"))
            .evaluate(
                THOUSAND,
                0,
                r ->
                    r.code().equals("first")
                        ? facts -> true
                        : facts -> {
                          throw new AssertionError("a shadowed rule was evaluated");
                        });

    assertEquals(SkipReason.SHADOWED, skipped(e, "broken").reason());
  }

  @Test
  void anExclusiveRuleWhoseConditionIsFalseShadowsNothing() {
    Evaluation e =
        rules(exclusive(rule("vip", 1, MULTIPLIER, "2")), rule("x15", 2, MULTIPLIER, "1.5"))
            .evaluate(THOUSAND, 100, holding(Map.of("vip", false)));

    assertEquals(List.of("x15"), codes(e.fired()));
    assertEquals(50, e.points("points"));
    assertEquals(SkipReason.CONDITION_FALSE, skipped(e, "vip").reason());
    assertEquals("the condition is false", skipped(e, "vip").explanation());
  }

  @Test
  void anInactiveRuleNeverFiresAndNeverShadows() {
    Evaluation e =
        rules(
                inactive(exclusive(rule("vip", 1, MULTIPLIER, "2"))),
                rule("x15", 2, MULTIPLIER, "1.5"))
            .evaluate(THOUSAND, 100, allHold());

    assertEquals(List.of("x15"), codes(e.fired()));
    assertEquals(SkipReason.INACTIVE, skipped(e, "vip").reason());
  }

  @Test
  void aConditionThatFailsSkipsTheRuleNotThePurchase() {
    Evaluation e =
        rules(rule("broken", 1, FIXED_POINTS, "100"), rule("gift", 2, FIXED_POINTS, "5"))
            .evaluate(
                THOUSAND,
                0,
                r ->
                    r.code().equals("broken")
                        ? facts -> {
                          throw new ConditionNotEvaluated("division by zero");
                        }
                        : facts -> true);

    SkippedRule broken = skipped(e, "broken");
    assertEquals(SkipReason.CONDITION_FAILED, broken.reason());
    assertEquals("the condition could not be evaluated: division by zero", broken.explanation());
    assertEquals(5, e.points("points"));
  }

  @Test
  void grantsCarryTheRulesCurrencyAndExpiry() {
    Evaluation e =
        rules(
                in("cross-credits", 10, rule("cross", 1, ACCRUAL_PERCENT, "3")),
                rule("gift", 2, FIXED_POINTS, "5"))
            .evaluate(THOUSAND, 50, allHold());

    assertEquals(
        new Grant(
            "cross",
            "cross-credits",
            30,
            10,
            "the condition holds; 3% of 1000.00 ₽ = 30 cross-credits"),
        e.grants().get(0));
    assertEquals(null, e.grants().get(1).expiresInDays());
    assertEquals(30, e.points("cross-credits"));
    assertEquals(5, e.points("points"));
  }

  @Test
  void withoutACapRulesAreNotLimited() {
    Evaluation e =
        rules(rule("huge", 1, ACCRUAL_PERCENT, "100"), rule("x10", 2, MULTIPLIER, "10"))
            .evaluate(THOUSAND, 50, allHold());

    assertEquals(1000 + 450, e.points("points"));
    assertFalse(e.fired().stream().anyMatch(FiredRule::capped));
  }

  @Test
  void theCapCutsRulesInEvaluationOrderAfterTheBase() {
    // 1 000 ₽, cap 10 % = 100 points; base 5 % = 50, so 50 are left for the rules.
    Evaluation e =
        capped(
                "10",
                in("cross-credits", 10, rule("cross", 1, ACCRUAL_PERCENT, "3")),
                rule("x2", 2, MULTIPLIER, "2"),
                rule("more", 3, ACCRUAL_PERCENT, "1"))
            .evaluate(THOUSAND, 50, allHold());

    assertEquals(30, fired(e, "cross").points());
    assertFalse(fired(e, "cross").capped());
    FiredRule x2 = fired(e, "x2");
    assertEquals(20, x2.points(), "would add 50, cut to what is left");
    assertTrue(x2.capped());
    assertEquals(
        "the condition holds; ×2 of the base 50 points adds 50 points, cut to 20 by the club's"
            + " cap of 10% per receipt",
        x2.explanation());
    SkippedRule more = skipped(e, "more");
    assertEquals(SkipReason.CAPPED, more.reason());
    assertEquals(
        "the condition holds, but the club's cap of 10% per receipt is reached (1% of 1000.00 ₽ ="
            + " 10 points)",
        more.explanation());
    assertEquals(100, 50 + e.points("points") + e.points("cross-credits"));
  }

  @Test
  void theCapDoesNotLimitFixedPoints() {
    Evaluation e =
        capped("10", rule("x2", 1, MULTIPLIER, "2"), rule("birthday", 2, FIXED_POINTS, "500"))
            .evaluate(THOUSAND, 100, allHold());

    // the base alone uses the whole 10 %: the multiplier gets nothing, the bonus is whole
    assertEquals(SkipReason.CAPPED, skipped(e, "x2").reason());
    assertEquals(500, e.points("points"));
  }

  @Test
  void aBaseAboveTheCapIsNeverCutAndLeavesNothingForProportionalRules() {
    Evaluation e =
        capped("10", rule("cross", 1, ACCRUAL_PERCENT, "3")).evaluate(THOUSAND, 150, allHold());

    assertEquals(SkipReason.CAPPED, skipped(e, "cross").reason());
    assertTrue(e.grants().isEmpty());
  }

  @Test
  void theCapInPointsIsRoundedDown() {
    PurchaseFacts facts = Facts.purchase().amount("999.99").build();

    // 999,99 × 10 % = 99,999 → 99 points in all; the rule alone would give 99 (99,999)
    Evaluation e =
        capped("10", rule("ten", 1, ACCRUAL_PERCENT, "10")).evaluate(facts, 0, allHold());

    assertEquals(99, e.points("points"));
    assertFalse(fired(e, "ten").capped());
  }

  @Test
  void theCapReachedExactlyCutsNothing() {
    Evaluation e =
        capped("8", rule("cross", 1, ACCRUAL_PERCENT, "3")).evaluate(THOUSAND, 50, allHold());

    assertEquals(30, e.points("points"));
    assertFalse(fired(e, "cross").capped());
  }

  @Test
  void anExclusiveRuleLeftNothingByTheCapStillShadowsLaterRules() {
    Evaluation e =
        capped(
                "5",
                exclusive(rule("vip", 1, MULTIPLIER, "2")),
                rule("birthday", 2, FIXED_POINTS, "500"))
            .evaluate(THOUSAND, 50, allHold());

    assertEquals(SkipReason.CAPPED, skipped(e, "vip").reason());
    assertEquals(SkipReason.SHADOWED, skipped(e, "birthday").reason());
    assertTrue(e.grants().isEmpty());
  }

  @Test
  void aCapOutsideZeroToHundredIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> capped("0"));
    assertThrows(IllegalArgumentException.class, () -> capped("100.01"));
    capped("100");
  }

  @Test
  void aNegativeBaseIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> rules().evaluate(THOUSAND, -1, allHold()));
  }
}
