package club.bloom.rules.infrastructure;

import club.bloom.rules.domain.Condition;
import club.bloom.rules.domain.ConditionLanguage;
import club.bloom.rules.domain.ConditionNotEvaluated;
import club.bloom.rules.domain.ConditionProblem;
import club.bloom.rules.domain.PurchaseFacts;
import club.bloom.tenancy.domain.SchemaName;
import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Rule conditions in CEL ({@code dev.cel:cel}). The facts are declared as two typed objects, {@code
 * purchase} and {@code member} (fields and types as documented on {@link PurchaseFacts}), so the
 * type checker rejects a misspelt fact or field ({@code undefined field 'amout'}), a type error, or
 * a result that is not a bool, with its line and column. Numbers of different types compare with
 * {@code <}, {@code >} ({@code purchase.amount > 1000}); {@code ==} needs the same type. The
 * standard macros ({@code has}, {@code exists}, {@code all}, {@code exists_one}, {@code map},
 * {@code filter}) are available; comprehensions are bounded.
 *
 * <p>Compiled programs are cached per (club schema, rule code), with the source they were compiled
 * from: a changed condition replaces its entry, so the cache holds at most one program per rule of
 * every club and never serves a stale one. CEL programs are immutable and thread-safe.
 */
@ApplicationScoped
public class CelConditionLanguage implements ConditionLanguage {
  /** The longest condition accepted (the column holds 2000 characters). */
  public static final int MAX_LENGTH = 2000;

  /** Safety net: the cache is emptied if it ever holds more programs than this. */
  static final int MAX_CACHED = 50_000;

  /** The fields of {@code purchase}, as {@link PurchaseFacts#variables()} fills them. */
  static final Map<String, CelType> PURCHASE =
      fields(
          "amount", SimpleType.DOUBLE,
          "amount_kopecks", SimpleType.INT,
          "category", SimpleType.STRING,
          "partner", SimpleType.STRING,
          "hour", SimpleType.INT,
          "day_of_week", SimpleType.INT,
          "date", SimpleType.STRING);

  /** The fields of {@code member}, as {@link PurchaseFacts#variables()} fills them. */
  static final Map<String, CelType> MEMBER =
      fields(
          "tier", SimpleType.STRING,
          "days_to_birthday", SimpleType.INT,
          "first_in_category_this_month", SimpleType.BOOL,
          "purchases_count", SimpleType.INT,
          "categories_this_month", ListType.create(SimpleType.STRING),
          "segments", ListType.create(SimpleType.STRING));

  private static final StructType PURCHASE_TYPE = struct("bloom.Purchase", PURCHASE);
  private static final StructType MEMBER_TYPE = struct("bloom.Member", MEMBER);

  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          .setOptions(
              CelOptions.current()
                  .enableHeterogeneousNumericComparisons(true)
                  .maxExpressionCodePointSize(MAX_LENGTH)
                  .comprehensionMaxIterations(1_000)
                  .build())
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .setTypeProvider(new FactTypes())
          .addVar("purchase", PURCHASE_TYPE)
          .addVar("member", MEMBER_TYPE)
          .setResultType(SimpleType.BOOL)
          .build();

  private final ConcurrentMap<RuleKey, Compiled> cache = new ConcurrentHashMap<>();

  @Override
  public List<ConditionProblem> check(String source) {
    if (source == null || source.isBlank()) {
      return List.of(
          new ConditionProblem(
              1, 1, "the condition is empty; write true for a rule that always" + " applies"));
    }
    if (source.codePointCount(0, source.length()) > MAX_LENGTH) {
      return List.of(
          new ConditionProblem(1, 1, "the condition is longer than " + MAX_LENGTH + " characters"));
    }
    CelValidationResult result = CEL.compile(source);
    if (!result.hasError()) {
      return List.of();
    }
    return result.getErrors().stream().map(CelConditionLanguage::problem).toList();
  }

  @Override
  public Condition compile(SchemaName club, String ruleCode, String source) {
    RuleKey key = new RuleKey(club.value(), ruleCode);
    Compiled cached = cache.get(key);
    if (cached != null && cached.source().equals(source)) {
      return cached.condition();
    }
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    Compiled compiled = new Compiled(source, build(source));
    cache.put(key, compiled);
    return compiled.condition();
  }

  @Override
  public Condition compileDraft(String source) {
    return build(source);
  }

  /** How many programs are cached (for tests). */
  int cached() {
    return cache.size();
  }

  private Condition build(String source) {
    List<ConditionProblem> problems = check(source);
    if (!problems.isEmpty()) {
      String why = "the condition does not compile: " + problems.get(0);
      return facts -> {
        throw new ConditionNotEvaluated(why);
      };
    }
    CelRuntime.Program program;
    try {
      program = CEL.createProgram(CEL.compile(source).getAst());
    } catch (CelValidationException | CelEvaluationException e) {
      String why = "the condition does not compile: " + e.getMessage();
      return facts -> {
        throw new ConditionNotEvaluated(why);
      };
    }
    return facts -> {
      Object result;
      try {
        result = program.eval(facts.variables());
      } catch (CelEvaluationException e) {
        throw new ConditionNotEvaluated(e.getMessage());
      }
      if (result instanceof Boolean holds) {
        return holds;
      }
      throw new ConditionNotEvaluated("the condition gave " + result + ", not a bool");
    };
  }

  private static ConditionProblem problem(CelIssue issue) {
    // CEL counts lines from 1 and columns from 0; people count both from 1.
    var at = issue.getSourceLocation();
    return new ConditionProblem(
        Math.max(1, at.getLine()), Math.max(0, at.getColumn()) + 1, issue.getMessage());
  }

  private static Map<String, CelType> fields(Object... nameThenType) {
    Map<String, CelType> fields = new LinkedHashMap<>();
    for (int i = 0; i < nameThenType.length; i += 2) {
      fields.put((String) nameThenType[i], (CelType) nameThenType[i + 1]);
    }
    return Collections.unmodifiableMap(fields);
  }

  private static StructType struct(String name, Map<String, CelType> fields) {
    return StructType.create(
        name,
        ImmutableSet.copyOf(fields.keySet()),
        field -> Optional.ofNullable(fields.get(field)));
  }

  private record RuleKey(String schema, String rule) {}

  private record Compiled(String source, Condition condition) {}

  /** Makes the two fact types known to the type checker. */
  private static final class FactTypes implements CelTypeProvider {
    @Override
    public ImmutableCollection<CelType> types() {
      return ImmutableList.of(PURCHASE_TYPE, MEMBER_TYPE);
    }

    @Override
    public Optional<CelType> findType(String name) {
      return types().stream().filter(t -> t.name().equals(name)).findFirst();
    }
  }
}
