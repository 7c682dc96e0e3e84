package club.bloom.rules.application;

import static club.bloom.rules.domain.EffectKind.ACCRUAL_PERCENT;
import static club.bloom.rules.domain.EffectKind.FIXED_POINTS;
import static club.bloom.rules.domain.EffectKind.MULTIPLIER;
import static club.bloom.rules.domain.Rules.in;
import static club.bloom.rules.domain.Rules.rule;
import static club.bloom.rules.domain.Rules.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.ledger.domain.Currency;
import club.bloom.ledger.domain.LedgerSettings;
import club.bloom.ledger.domain.SpentPointsPolicy;
import club.bloom.rules.domain.BloomCareRules;
import club.bloom.rules.domain.Evaluation;
import club.bloom.rules.domain.Facts;
import club.bloom.rules.domain.RuleDefinition;
import club.bloom.rules.domain.RuleSet;
import club.bloom.rules.domain.SkipReason;
import club.bloom.rules.infrastructure.CelConditionLanguage;
import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.SchemaName;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EarningRulesTest {
  private static final SchemaName CLUB = new SchemaName("club_bloom_care");
  private static final SchemaName OTHER = new SchemaName("club_other");

  private final InMemoryEarningRules repository = new InMemoryEarningRules();
  private final EarningRules service = new EarningRules();

  @BeforeEach
  void wire() {
    service.rules = repository;
    service.conditions = new CelConditionLanguage();
    service.ledger = new KnownCurrencies(Set.of("points", "cross-credits"));
  }

  /** The club's currencies, as far as rule validation asks. */
  private record KnownCurrencies(Set<String> codes) implements LedgerSettings {
    @Override
    public Optional<Currency> currency(SchemaName schema, String code) {
      return codes.contains(code)
          ? Optional.of(new Currency(code, code, BigDecimal.ONE, 0, null, false))
          : Optional.empty();
    }

    @Override
    public List<Currency> currencies(SchemaName schema) {
      return List.of();
    }

    @Override
    public void add(SchemaName schema, Currency currency) {}

    @Override
    public SpentPointsPolicy spentPointsPolicy(SchemaName schema) {
      return SpentPointsPolicy.DEBT;
    }

    @Override
    public void setSpentPointsPolicy(SchemaName schema, SpentPointsPolicy policy) {}

    @Override
    public void setMaxRedeemPercent(SchemaName schema, BigDecimal percent) {}

    @Override
    public BigDecimal maxRedeemPercent(SchemaName schema) {
      return BigDecimal.valueOf(50);
    }
  }

  private List<FieldProblem> problems(List<RuleDefinition> rules, String cap) {
    InvalidInput e =
        assertThrows(
            InvalidInput.class,
            () ->
                service.define(
                    CLUB,
                    rules,
                    cap == null ? null : new BigDecimal(cap),
                    java.util.Optional.empty()));
    return e.fields();
  }

  @Test
  void anInvalidConditionIsRefusedWithItsFieldPositionAndReason() {
    List<FieldProblem> problems =
        problems(
            List.of(
                rule("a", 1, FIXED_POINTS, "1"),
                rule("b", 2, FIXED_POINTS, "1"),
                when("purchase.amout > 1000.0", rule("c", 3, FIXED_POINTS, "1"))),
            null);

    assertEquals(
        List.of(
            new FieldProblem("rules[2].condition", "invalid CEL at 1:9: undefined field 'amout'")),
        problems);
    assertTrue(repository.all(CLUB).isEmpty(), "nothing is saved");
  }

  @Test
  void aConditionThatIsNotABoolIsRefused() {
    assertEquals(
        List.of(
            new FieldProblem(
                "rules[0].condition", "invalid CEL at 1:15: expected type 'bool' but found 'int'")),
        problems(List.of(when("purchase.hour + 1", rule("a", 1, FIXED_POINTS, "1"))), null));
  }

  @Test
  void everyProblemOfTheSetIsReportedAtOnce() {
    List<FieldProblem> problems =
        problems(
            List.of(
                rule("a", 1, MULTIPLIER, "1"),
                when("purchase.category ==", rule("a", 2, ACCRUAL_PERCENT, "150")),
                when("member.tier == 1", rule("c", 3, FIXED_POINTS, "2.5"))),
            "0");

    assertEquals(
        List.of(
            "maxAccrualPercent",
            "rules[0].effect.value",
            "rules[1].code",
            "rules[1].effect.value",
            "rules[1].condition",
            "rules[2].effect.value",
            "rules[2].condition"),
        problems.stream().map(FieldProblem::field).toList());
    assertTrue(problems.get(4).reason().startsWith("invalid CEL at 1:21: mismatched input"));
    assertTrue(
        problems.get(6).reason().startsWith("invalid CEL at 1:13: found no matching overload"));
  }

  @Test
  void anExpiryMustBeBetweenOneDayAndTenYears() {
    RuleDefinition r = rule("a", 1, FIXED_POINTS, "1");
    RuleDefinition zero =
        new RuleDefinition(
            "a", "A", 1, false, "true", FIXED_POINTS, BigDecimal.ONE, "points", 0, true);

    assertEquals(
        List.of(new FieldProblem("rules[0].effect.expiresInDays", "must be between 1 and 3650")),
        problems(List.of(zero), null));
    service.define(CLUB, List.of(r), null, java.util.Optional.empty());
  }

  @Test
  void definingTheDefaultRulesSavesThemInEvaluationOrderWithTheCap() {
    RuleSet defaults = BloomCareRules.load();

    List<RuleDefinition> shuffled = new ArrayList<>(defaults.rules());
    Collections.reverse(shuffled);

    RuleSet saved =
        service
            .define(CLUB, shuffled, defaults.maxAccrualPercent(), java.util.Optional.empty())
            .rules();

    assertEquals(defaults, saved);
    assertEquals(defaults, service.list(CLUB));
  }

  @Test
  void definingTheSameSetTwiceLeavesTheSameState() {
    RuleSet defaults = BloomCareRules.load();

    service.define(
        CLUB, defaults.rules(), defaults.maxAccrualPercent(), java.util.Optional.empty());
    service.define(
        CLUB, defaults.rules(), defaults.maxAccrualPercent(), java.util.Optional.empty());

    assertEquals(defaults, service.list(CLUB));
    assertEquals(1, repository.policies.size());
  }

  @Test
  void aNewSetReplacesTheOldOneAndCanDropTheCap() {
    RuleSet defaults = BloomCareRules.load();
    service.define(
        CLUB, defaults.rules(), defaults.maxAccrualPercent(), java.util.Optional.empty());
    RuleDefinition changed =
        when("member.purchases_count < 2", rule("welcome", 5, FIXED_POINTS, "200"));

    service.define(
        CLUB,
        List.of(changed, rule("spring", 9, ACCRUAL_PERCENT, "2")),
        null,
        java.util.Optional.empty());

    RuleSet now = service.list(CLUB);
    assertEquals(List.of(changed, rule("spring", 9, ACCRUAL_PERCENT, "2")), now.rules());
    assertNull(now.maxAccrualPercent());
  }

  @Test
  void anEmptySetRemovesEveryRule() {
    service.define(CLUB, BloomCareRules.load().rules(), null, java.util.Optional.empty());

    service.define(CLUB, List.of(), null, java.util.Optional.empty());

    assertTrue(service.list(CLUB).rules().isEmpty());
  }

  @Test
  void aClubWithoutRulesHasAnEmptySetAndNoCap() {
    RuleSet none = service.list(CLUB);

    assertTrue(none.rules().isEmpty());
    assertNull(none.maxAccrualPercent());
  }

  @Test
  void eachClubHasItsOwnRules() {
    service.define(CLUB, BloomCareRules.load().rules(), null, java.util.Optional.empty());

    assertTrue(service.list(OTHER).rules().isEmpty());
    assertEquals(
        List.of(), service.grantsFor(OTHER, Facts.purchase().purchasesCount(0).build(), 100));
  }

  @Test
  void aSimulationShowsWhichRulesFireAndWhy() {
    RuleSet defaults = BloomCareRules.load();
    service.define(
        CLUB, defaults.rules(), defaults.maxAccrualPercent(), java.util.Optional.empty());

    Evaluation e =
        service.simulate(
            CLUB,
            Facts.purchase().tier("vip").category("spa").withCategoriesThisMonth("gastro").build(),
            140);

    assertEquals(
        List.of("cross-credits", "vip-new-category"),
        e.fired().stream().map(f -> f.code()).toList());
    assertEquals(
        "the condition holds; ×2 of the base 140 points adds 140 points",
        e.fired().get(1).explanation());
    assertEquals(
        List.of(SkipReason.CONDITION_FALSE, SkipReason.CONDITION_FALSE, SkipReason.SHADOWED),
        e.skipped().stream().map(s -> s.reason()).toList());
    assertEquals(
        "not evaluated: exclusive rule vip-new-category fired", e.skipped().get(2).explanation());
  }

  @Test
  void theGrantsOfAPurchaseAreThoseOfItsSimulation() {
    service.define(
        CLUB, BloomCareRules.load().rules(), new BigDecimal("25"), java.util.Optional.empty());
    var facts = Facts.purchase().purchasesCount(0).withCategoriesThisMonth().build();

    assertEquals(service.simulate(CLUB, facts, 100).grants(), service.grantsFor(CLUB, facts, 100));
    assertEquals(3, service.grantsFor(CLUB, facts, 100).size(), "welcome, cross-credits, ×1.5");
  }

  @Test
  void aDraftRuleIsPreviewedWithTheOthersWithoutBeingSaved() {
    RuleSet defaults = BloomCareRules.load();
    service.define(
        CLUB, defaults.rules(), defaults.maxAccrualPercent(), java.util.Optional.empty());
    List<RuleDefinition> draft = new ArrayList<>(defaults.rules());
    draft.add(when("purchase.partner == 'rose-garden'", rule("rose", 5, FIXED_POINTS, "250")));

    Evaluation e =
        service.simulateDraft(
            CLUB, draft, defaults.maxAccrualPercent(), Facts.purchase().build(), 100);

    assertEquals(
        List.of("rose", "cross-credits", "new-category"),
        e.fired().stream().map(f -> f.code()).toList());
    assertEquals(250, e.fired().get(0).points());
    assertEquals(defaults, service.list(CLUB), "the saved set is unchanged");
    assertEquals(
        List.of("cross-credits", "new-category"),
        service.simulate(CLUB, Facts.purchase().build(), 100).fired().stream()
            .map(f -> f.code())
            .toList());
  }

  @Test
  void aDraftIsCheckedLikeASavedSetAndItsProblemsAreNamedUnderRuleSet() {
    List<RuleDefinition> draft =
        List.of(
            rule("a", 1, FIXED_POINTS, "1"),
            when(
                "purchase.partner == 'x' &&\n  purchase.amout > 1.0",
                in("bonus-miles", null, rule("b", 2, FIXED_POINTS, "1"))));

    InvalidInput e =
        assertThrows(
            InvalidInput.class,
            () -> service.simulateDraft(CLUB, draft, null, Facts.purchase().build(), 100));

    assertEquals(
        List.of(
            new FieldProblem(
                "ruleSet.rules[1].condition", "invalid CEL at 2:11: undefined field 'amout'"),
            new FieldProblem(
                "ruleSet.rules[1].effect.currency", "'bonus-miles' is not a currency of the club")),
        e.fields());
    assertTrue(repository.all(CLUB).isEmpty(), "nothing is saved");
  }

  @Test
  void aDraftCapAppliesToThePreview() {
    Evaluation e =
        service.simulateDraft(
            CLUB,
            List.of(rule("pct", 1, ACCRUAL_PERCENT, "10")),
            new BigDecimal("6"),
            Facts.purchase().build(),
            100);

    assertEquals(20, e.fired().get(0).points(), "6 % of 2 000 = 120, the base took 100");
    assertTrue(e.fired().get(0).capped());
  }

  @Test
  void everySaveIsANewRevisionAndAStaleOneIsRefusedWithNothingChanged() {
    RuleSet defaults = BloomCareRules.load();
    assertEquals(0L, service.current(CLUB).revision());
    long first =
        service
            .define(CLUB, defaults.rules(), defaults.maxAccrualPercent(), java.util.Optional.of(0L))
            .revision();
    assertEquals(1L, first);
    long second = service.define(CLUB, List.of(), null, java.util.Optional.of(first)).revision();
    assertEquals(2L, second);
    club.bloom.rules.domain.StaleRuleSet stale =
        org.junit.jupiter.api.Assertions.assertThrows(
            club.bloom.rules.domain.StaleRuleSet.class,
            () ->
                service.define(
                    CLUB,
                    defaults.rules(),
                    defaults.maxAccrualPercent(),
                    java.util.Optional.of(first)));
    assertEquals(2L, stale.extensions().get("currentRevision"));
    assertEquals(List.of(), service.list(CLUB).rules());
    assertEquals(2L, service.current(CLUB).revision());
  }
}
