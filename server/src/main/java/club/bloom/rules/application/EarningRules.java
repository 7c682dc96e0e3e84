package club.bloom.rules.application;

import club.bloom.rules.domain.ConditionLanguage;
import club.bloom.rules.domain.ConditionProblem;
import club.bloom.rules.domain.EarningPolicy;
import club.bloom.rules.domain.EarningRule;
import club.bloom.rules.domain.EarningRuleRepository;
import club.bloom.rules.domain.Evaluation;
import club.bloom.rules.domain.Grant;
import club.bloom.rules.domain.PurchaseFacts;
import club.bloom.rules.domain.RuleDefinition;
import club.bloom.rules.domain.RuleSet;
import club.bloom.rules.domain.StaleRuleSet;
import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.SchemaName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A club's earning rules: replacing the set (checked, conditions included, before anything is
 * written), reading it, simulating a purchase against it or against a draft, and the grants of a
 * real purchase. One path for the console, the API and purchase recording.
 */
@ApplicationScoped
public class EarningRules {
  /** The longest expiry of granted points, in days (ten years). */
  public static final int MAX_EXPIRY_DAYS = 3650;

  /** Where a draft set sits in a simulation request, and so the prefix of its problems. */
  public static final String DRAFT = "ruleSet";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  @Inject EarningRuleRepository rules;
  @Inject ConditionLanguage conditions;
  @Inject club.bloom.ledger.domain.LedgerSettings ledger;

  /** Drops the purchase path's snapshots of the club once the change committed (ADR 0040). */
  @Inject jakarta.enterprise.event.Event<club.bloom.shared.domain.ConfigurationChanged> changed;

  private void changed(SchemaName club) {
    if (changed != null) {
      changed.fire(new club.bloom.shared.domain.ConfigurationChanged(club.value()));
    }
  }

  /**
   * Replaces the club's rules and cap (idempotent: the same set twice leaves the same state). Every
   * problem is reported at once, by the field of the request: {@code rules[2].condition} with the
   * line, column and message of the CEL compiler, {@code rules[0].code} listed twice, an effect
   * value out of range for its kind, {@code maxAccrualPercent} out of range.
   *
   * @param maxAccrualPercent the cap on the accrual percent per receipt, null for none
   * @return the saved set, in evaluation order
   */
  @Transactional
  public Revised define(
      SchemaName club,
      List<RuleDefinition> definitions,
      BigDecimal maxAccrualPercent,
      Optional<Long> expectedRevision) {
    List<FieldProblem> problems = problems(club, definitions, maxAccrualPercent);
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    // The policy row is locked: two admins saving at once are serialised, and the second one's
    // If-Match no longer matches.
    Optional<EarningPolicy> policy = rules.policyForUpdate(club);
    long current = policy.map(EarningPolicy::revision).orElse(0L);
    if (expectedRevision.isPresent() && expectedRevision.get() != current) {
      throw new StaleRuleSet(expectedRevision.get(), current);
    }
    Map<String, EarningRule> existing =
        rules.all(club).stream().collect(Collectors.toMap(EarningRule::code, Function.identity()));
    Set<String> kept = new HashSet<>();
    for (RuleDefinition definition : definitions) {
      kept.add(definition.code());
      EarningRule rule = existing.get(definition.code());
      if (rule == null) {
        rules.add(club, new EarningRule(definition));
      } else {
        rule.apply(definition);
      }
    }
    existing.values().stream()
        .filter(r -> !kept.contains(r.code()))
        .forEach(r -> rules.remove(club, r));
    EarningPolicy saved =
        policy.orElseGet(
            () -> {
              EarningPolicy created = new EarningPolicy(maxAccrualPercent);
              rules.add(club, created);
              return created;
            });
    saved.capAt(maxAccrualPercent);
    saved.revised();
    changed(club);
    return new Revised(new RuleSet(definitions, maxAccrualPercent), saved.revision());
  }

  /** The club's rules and cap with the revision they are at (0 before any were defined). */
  @Transactional
  public Revised current(SchemaName club) {
    return new Revised(list(club), rules.policy(club).map(EarningPolicy::revision).orElse(0L));
  }

  /** A rule set and its revision (the ETag of the API). */
  public record Revised(RuleSet rules, long revision) {}

  /** The club's rules (active or not) in evaluation order, and its cap. */
  @Transactional
  public RuleSet list(SchemaName club) {
    return new RuleSet(
        rules.all(club).stream().map(EarningRule::definition).toList(),
        rules.policy(club).map(EarningPolicy::maxAccrualPercent).orElse(null));
  }

  /**
   * What the club's rules would do for a purchase, without posting anything: the rules that fire
   * and why, the rules skipped and why, and the grants.
   *
   * @param baseAccrualPoints the tier's base points for the purchase ({@code TierRule.pointsFor})
   */
  @Transactional
  public Evaluation simulate(SchemaName club, PurchaseFacts facts, long baseAccrualPoints) {
    return list(club)
        .evaluate(
            facts,
            baseAccrualPoints,
            rule -> conditions.compile(club, rule.code(), rule.condition()));
  }

  /**
   * What a draft of the club's rules would do for a purchase (the console's preview of a rule being
   * edited): the draft is checked as {@link #define} checks a set, and evaluated as {@link
   * #simulate} evaluates the saved one. Nothing is read from the saved rules and nothing is
   * written. Problems are named under {@code ruleSet} ({@code ruleSet.rules[2].condition}), the
   * draft's place in the simulation request.
   *
   * @param maxAccrualPercent the draft's cap, null for none
   * @param baseAccrualPoints the tier's base points for the purchase ({@code TierRule.pointsFor})
   */
  @Transactional
  public Evaluation simulateDraft(
      SchemaName club,
      List<RuleDefinition> definitions,
      BigDecimal maxAccrualPercent,
      PurchaseFacts facts,
      long baseAccrualPoints) {
    List<FieldProblem> problems = problems(club, definitions, maxAccrualPercent);
    if (!problems.isEmpty()) {
      throw new InvalidInput(
          problems.stream()
              .map(p -> new FieldProblem(DRAFT + "." + p.field(), p.reason()))
              .toList());
    }
    return new RuleSet(definitions, maxAccrualPercent)
        .evaluate(facts, baseAccrualPoints, rule -> conditions.compileDraft(rule.condition()));
  }

  /**
   * The grants a real purchase earns beyond its base accrual, for the ledger to post. Called within
   * purchase recording's transaction; the same evaluation as {@link #simulate}.
   *
   * @param baseAccrualPoints the tier's base points for the purchase ({@code TierRule.pointsFor})
   */
  @Transactional
  public List<Grant> grantsFor(SchemaName club, PurchaseFacts facts, long baseAccrualPoints) {
    return saved
        .get(club.value(), schema -> list(club))
        .evaluate(
            facts,
            baseAccrualPoints,
            rule -> conditions.compile(club, rule.code(), rule.condition()))
        .grants();
  }

  /**
   * The saved rule sets purchases evaluate, kept per club (ADR 0040): {@link #define} drops the
   * club's set once its transaction succeeded; other replicas follow within 5 s.
   */
  final club.bloom.shared.domain.Snapshots<String, RuleSet> saved =
      new club.bloom.shared.domain.Snapshots<>(java.time.Duration.ofSeconds(5));

  void forget(
      @jakarta.enterprise.event.Observes(
              during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
          club.bloom.shared.domain.ConfigurationChanged changed) {
    saved.forget(changed.schema());
  }

  /** Every problem of a set, by the field of {@code PUT /rules}; empty when it may be saved. */
  private List<FieldProblem> problems(
      SchemaName club, List<RuleDefinition> definitions, BigDecimal cap) {
    List<FieldProblem> problems = problems(definitions, cap);
    for (int i = 0; i < definitions.size(); i++) {
      if (ledger.currency(club, definitions.get(i).currency()).isEmpty()) {
        problems.add(
            new FieldProblem(
                "rules[" + i + "].effect.currency",
                "'" + definitions.get(i).currency() + "' is not a currency of the club"));
      }
    }
    return problems;
  }

  private List<FieldProblem> problems(List<RuleDefinition> definitions, BigDecimal cap) {
    List<FieldProblem> problems = new ArrayList<>();
    if (cap != null && (cap.signum() <= 0 || cap.compareTo(HUNDRED) > 0)) {
      problems.add(
          new FieldProblem(
              "maxAccrualPercent", "must be a percent greater than 0 and at most 100"));
    }
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < definitions.size(); i++) {
      RuleDefinition rule = definitions.get(i);
      String at = "rules[" + i + "]";
      if (!codes.add(rule.code())) {
        problems.add(new FieldProblem(at + ".code", "is listed twice"));
      }
      rule.effect()
          .problemWith(rule.effectValue())
          .ifPresent(why -> problems.add(new FieldProblem(at + ".effect.value", why)));
      if (rule.expiryDays() != null
          && (rule.expiryDays() < 1 || rule.expiryDays() > MAX_EXPIRY_DAYS)) {
        problems.add(
            new FieldProblem(
                at + ".effect.expiresInDays", "must be between 1 and " + MAX_EXPIRY_DAYS));
      }
      List<ConditionProblem> invalid = conditions.check(rule.condition());
      if (!invalid.isEmpty()) {
        problems.add(new FieldProblem(at + ".condition", reason(invalid)));
      }
    }
    return problems;
  }

  /** "invalid CEL at 1:9: undefined field 'amout'", every problem of the condition. */
  static String reason(List<ConditionProblem> problems) {
    return problems.stream().map(p -> "invalid CEL at " + p).collect(Collectors.joining("; "));
  }
}
