package club.bloom.rules.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.rules.domain.Condition;
import club.bloom.rules.domain.ConditionNotEvaluated;
import club.bloom.rules.domain.ConditionProblem;
import club.bloom.rules.domain.Facts;
import club.bloom.rules.domain.PurchaseFacts;
import club.bloom.tenancy.domain.SchemaName;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CelConditionLanguageTest {
  private static final SchemaName CLUB = new SchemaName("club_bloom_care");
  private static final SchemaName OTHER = new SchemaName("club_other");

  /**
   * 1 500,50 ₽ at the florist rose-garden on Friday 27 November 2026 at 19:30 (club time); a VIP
   * two days before her birthday, 7 earlier purchases, this month in gastro and spa, segment
   * newcomer.
   */
  private static final PurchaseFacts FACTS =
      Facts.purchase()
          .amount("1500.50")
          .category("florist")
          .at(LocalDateTime.of(2026, 11, 27, 19, 30))
          .tier("vip")
          .daysToBirthday(2)
          .purchasesCount(7)
          .withCategoriesThisMonth("gastro", "spa")
          .withSegments("newcomer")
          .build();

  private final CelConditionLanguage cel = new CelConditionLanguage();

  private boolean holds(String condition) {
    List<ConditionProblem> problems = cel.check(condition);
    assertEquals(List.of(), problems, condition);
    return cel.compile(CLUB, "rule", condition).holdsFor(FACTS);
  }

  private String problem(String condition) {
    List<ConditionProblem> problems = cel.check(condition);
    assertFalse(problems.isEmpty(), "expected a problem with " + condition);
    return problems.get(0).toString();
  }

  @Test
  void everyDeclaredFactHasAValueAndEveryValueIsDeclared() {
    Map<String, Object> variables = FACTS.variables();
    assertEquals(List.of("purchase", "member"), List.copyOf(variables.keySet()));
    assertEquals(
        CelConditionLanguage.PURCHASE.keySet(), ((Map<?, ?>) variables.get("purchase")).keySet());
    assertEquals(
        CelConditionLanguage.MEMBER.keySet(), ((Map<?, ?>) variables.get("member")).keySet());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "purchase.amount == 1500.5",
        "purchase.amount > 1500",
        "purchase.amount >= 1500.5 && purchase.amount < 1500.51",
        "purchase.amount_kopecks == 150050",
        "purchase.amount_kopecks >= 150000",
        "purchase.category == 'florist'",
        "purchase.category in ['florist', 'spa']",
        "purchase.partner == 'rose-garden'",
        "purchase.partner.startsWith('rose')",
        "purchase.hour == 19",
        "purchase.hour >= 18 && purchase.hour < 22",
        "purchase.day_of_week == 5",
        "purchase.day_of_week <= 5",
        "purchase.date == '2026-11-27'",
        "purchase.date >= '2026-11-01' && purchase.date <= '2026-11-30'",
        "member.tier == 'vip'",
        "member.tier != ''",
        "member.days_to_birthday == 2",
        "member.days_to_birthday >= 0 && member.days_to_birthday <= 3",
        "member.first_in_category_this_month",
        "member.purchases_count == 7",
        "member.purchases_count > 5",
        "'gastro' in member.categories_this_month",
        "size(member.categories_this_month) == 2",
        "member.categories_this_month.exists(c, c == 'spa')",
        "'newcomer' in member.segments",
        "member.segments.all(s, s.size() > 3)",
        "has(purchase.amount)",
        "true"
      })
  void aConditionOverEachFactHolds(String condition) {
    assertTrue(holds(condition), condition);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "purchase.amount > 1500.5",
        "purchase.amount_kopecks < 150050",
        "purchase.category == 'spa'",
        "purchase.partner == 'lotus'",
        "purchase.hour < 19",
        "purchase.day_of_week >= 6",
        "purchase.date < '2026-11-27'",
        "member.tier == 'elite'",
        "member.days_to_birthday == 0",
        "!member.first_in_category_this_month",
        "member.purchases_count == 0",
        "'florist' in member.categories_this_month",
        "'vip-guests' in member.segments",
        "false"
      })
  void aConditionOverEachFactCanBeFalse(String condition) {
    assertFalse(holds(condition), condition);
  }

  @Test
  void anUnknownFieldIsAnErrorWithItsPosition() {
    assertEquals("1:9: undefined field 'amout'", problem("purchase.amout > 1.0"));
  }

  @Test
  void anUnknownVariableIsAnErrorWithItsPosition() {
    assertEquals(
        "1:1: undeclared reference to 'customer' (in container '')",
        problem("customer.tier == 'vip'"));
  }

  @Test
  void aSyntaxErrorHasItsPosition() {
    assertTrue(
        problem("purchase.category ==").startsWith("1:21: mismatched input '<EOF>'"),
        problem("purchase.category =="));
  }

  @Test
  void anErrorOnALaterLineHasThatLine() {
    assertEquals(
        "2:11: undefined field 'categry'",
        problem("purchase.hour >= 18 &&\n  purchase.categry == 'spa'"));
  }

  @Test
  void aConditionThatIsNotABoolIsAnError() {
    assertEquals("1:15: expected type 'bool' but found 'int'", problem("purchase.hour + 1"));
    assertTrue(problem("member.tier").contains("expected type 'bool' but found 'string'"));
  }

  @Test
  void aTypeErrorIsAnError() {
    assertTrue(
        problem("member.tier == 1").startsWith("1:13: found no matching overload for '_==_'"),
        problem("member.tier == 1"));
    // CEL compares an int to a double with <, >, but == needs the same type: 1500.0, not 1500
    assertTrue(
        problem("purchase.amount == 1500").contains("found no matching overload for '_==_'"));
  }

  @Test
  void anUnknownFunctionIsAnError() {
    assertTrue(
        problem("member.segments.contains('vip')").contains("found no matching overload"),
        problem("member.segments.contains('vip')"));
  }

  @Test
  void anEmptyConditionIsAnError() {
    assertEquals(
        "1:1: the condition is empty; write true for a rule that always applies", problem(" "));
  }

  @Test
  void aConditionLongerThanTheColumnIsAnError() {
    String longer = "true" + " && true".repeat(300);
    assertEquals("1:1: the condition is longer than 2000 characters", problem(longer));
  }

  @Test
  void anErrorAtRunTimeIsReportedAsNotEvaluated() {
    Condition divides = cel.compile(CLUB, "r", "member.purchases_count / (purchase.hour - 19) > 1");

    ConditionNotEvaluated e =
        assertThrows(ConditionNotEvaluated.class, () -> divides.holdsFor(FACTS));
    assertTrue(e.getMessage().contains("by zero"), e.getMessage());
  }

  @Test
  void aStoredConditionThatNoLongerCompilesIsNotEvaluatedRatherThanThrowingAnything() {
    Condition broken = cel.compile(CLUB, "r", "purchase.amout > 1.0");

    ConditionNotEvaluated e =
        assertThrows(ConditionNotEvaluated.class, () -> broken.holdsFor(FACTS));
    assertEquals("the condition does not compile: 1:9: undefined field 'amout'", e.getMessage());
  }

  @Test
  void aCompiledConditionIsCachedPerClubRuleAndSource() {
    Condition first = cel.compile(CLUB, "vip", "member.tier == 'vip'");

    assertSame(first, cel.compile(CLUB, "vip", "member.tier == 'vip'"));
    assertNotSame(first, cel.compile(OTHER, "vip", "member.tier == 'vip'"));
    assertEquals(2, cel.cached());
  }

  @Test
  void aChangedConditionReplacesItsCachedProgram() {
    Condition before = cel.compile(CLUB, "vip", "member.tier == 'vip'");
    Condition after = cel.compile(CLUB, "vip", "member.tier == 'elite'");

    assertNotSame(before, after);
    assertTrue(before.holdsFor(FACTS));
    assertFalse(after.holdsFor(FACTS));
    assertEquals(1, cel.cached(), "one program per rule");
  }

  @Test
  void aDraftConditionIsEvaluatedButNeverCachedNorDisplacesTheSavedOne() {
    Condition saved = cel.compile(CLUB, "vip", "member.tier == 'vip'");

    Condition draft = cel.compileDraft("member.tier == 'elite'");

    assertFalse(draft.holdsFor(FACTS));
    assertTrue(cel.compileDraft("member.tier == 'vip'").holdsFor(FACTS));
    assertEquals(1, cel.cached(), "the draft is not cached");
    assertSame(saved, cel.compile(CLUB, "vip", "member.tier == 'vip'"));
  }

  @Test
  void aDraftThatDoesNotCompileIsNotEvaluated() {
    Condition broken = cel.compileDraft("purchase.amout > 1.0");

    ConditionNotEvaluated e =
        assertThrows(ConditionNotEvaluated.class, () -> broken.holdsFor(FACTS));
    assertEquals("the condition does not compile: 1:9: undefined field 'amout'", e.getMessage());
  }
}
