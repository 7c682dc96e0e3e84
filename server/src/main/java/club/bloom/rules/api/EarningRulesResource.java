package club.bloom.rules.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.rules.application.EarningRules;
import club.bloom.rules.domain.EffectKind;
import club.bloom.rules.domain.Evaluation;
import club.bloom.rules.domain.FiredRule;
import club.bloom.rules.domain.Grant;
import club.bloom.rules.domain.PurchaseFacts;
import club.bloom.rules.domain.RuleDefinition;
import club.bloom.rules.domain.RuleSet;
import club.bloom.rules.domain.SkippedRule;
import club.bloom.shared.api.Dto.MoneyDto;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Club staff (or an operator) define the club's earning rules and simulate a purchase. */
@Path("/clubs/{club}/rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER, Roles.PLATFORM_OPERATOR})
public class EarningRulesResource {
  static final int MAX_RULES = 100;
  static final int MAX_LIST = 100;
  private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");
  private static final Pattern PERCENT = Pattern.compile("^[0-9]{1,3}(\\.[0-9]{1,2})?$");
  private static final Pattern VALUE = Pattern.compile("^[0-9]{1,7}(\\.[0-9]{1,2})?$");
  private static final String CODE_RULE = "must be lower-case letters, digits and hyphens";

  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject EarningRules rules;

  @PUT
  public Response define(
      @PathParam("club") String club,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      RuleSetDto body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    Optional<Long> expected = revisionOf(checks, ifMatch);
    Draft set = draft(checks, "", body);
    checks.throwIfAny();
    return withRevision(rules.define(tenant.schema(), set.rules(), set.cap(), expected));
  }

  @GET
  public Response list(@PathParam("club") String club) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    return withRevision(rules.current(tenant.schema()));
  }

  /** The rule set with its revision as a strong ETag ({@code "7"}). */
  private static Response withRevision(EarningRules.Revised revised) {
    return Response.ok(RuleSetDto.of(revised.rules()))
        .tag(new EntityTag(Long.toString(revised.revision())))
        .build();
  }

  /** The revision an {@code If-Match} names: one strong ETag of GET; absent: no check. */
  static Optional<Long> revisionOf(FieldChecks checks, String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return Optional.empty();
    }
    String tag = ifMatch.strip();
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      String inner = tag.substring(1, tag.length() - 1);
      if (inner.matches("[0-9]{1,18}")) {
        return Optional.of(Long.parseLong(inner));
      }
    }
    checks.fail(HttpHeaders.IF_MATCH, "must be the ETag of GET /clubs/{club}/rules, e.g. \"3\"");
    return Optional.empty();
  }

  @POST
  @Path("/simulate")
  public SimulationDto simulate(@PathParam("club") String club, SimulationRequest body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    PurchaseFacts.Purchase purchase = purchase(checks, body.purchase(), tenant);
    PurchaseFacts.Member member = member(checks, body.member());
    Long base = checks.present("baseAccrualPoints", body.baseAccrualPoints());
    if (base != null && base < 0) {
      checks.fail("baseAccrualPoints", "must be 0 or more");
    }
    Draft draft = null;
    if (body.ruleSet() != null) {
      draft = draft(checks, EarningRules.DRAFT + ".", body.ruleSet());
    }
    checks.throwIfAny();
    PurchaseFacts facts = new PurchaseFacts(purchase, member);
    Evaluation outcome =
        draft == null
            ? rules.simulate(tenant.schema(), facts, base)
            : rules.simulateDraft(tenant.schema(), draft.rules(), draft.cap(), facts, base);
    return SimulationDto.of(facts, outcome);
  }

  /** A rule set as the contract gives it, read into definitions and a cap. */
  private record Draft(List<RuleDefinition> rules, BigDecimal cap) {}

  /**
   * Reads an {@code EarningRuleSet}; its fields are named with {@code prefix} ({@code ""} for the
   * body of {@code PUT /rules}, {@code "ruleSet."} in a simulation request).
   */
  private static Draft draft(FieldChecks checks, String prefix, RuleSetDto body) {
    if (body.rules() == null || body.rules().size() > MAX_RULES) {
      checks.fail(prefix + "rules", "must list 0–" + MAX_RULES + " rules");
      return new Draft(List.of(), null);
    }
    BigDecimal cap = null;
    if (body.maxAccrualPercent() != null) {
      String text =
          checks.matches(
              prefix + "maxAccrualPercent",
              body.maxAccrualPercent(),
              PERCENT,
              "must be a percent such as 20 or 12.5");
      cap = text == null ? null : new BigDecimal(text);
    }
    List<RuleDefinition> definitions = new ArrayList<>();
    for (int i = 0; i < body.rules().size(); i++) {
      RuleDefinition definition =
          definition(checks, prefix + "rules[" + i + "]", body.rules().get(i));
      if (definition != null) {
        definitions.add(definition);
      }
    }
    return new Draft(definitions, cap);
  }

  private static RuleDefinition definition(FieldChecks checks, String at, RuleDto r) {
    if (r == null) {
      checks.fail(at, "is required");
      return null;
    }
    String code = checks.matches(at + ".code", r.code(), CODE, CODE_RULE);
    String name = checks.required(at + ".name", r.name(), 80);
    Integer priority = checks.present(at + ".priority", r.priority());
    if (priority != null && (priority < 0 || priority > 9999)) {
      checks.fail(at + ".priority", "must be between 0 and 9999");
    }
    String condition = null;
    if (r.condition() == null || r.condition().isBlank()) {
      checks.fail(at + ".condition", "is required; write true for a rule that always applies");
    } else {
      condition = r.condition();
    }
    EffectDto e = r.effect();
    EffectKind kind = null;
    BigDecimal value = null;
    String currency = RuleDefinition.POINTS;
    if (e == null) {
      checks.fail(at + ".effect", "is required");
    } else {
      kind = kind(checks, at + ".effect.kind", e.kind());
      String text =
          checks.matches(
              at + ".effect.value", e.value(), VALUE, "must be a decimal such as 3, 1.5 or 500");
      value = text == null ? null : new BigDecimal(text);
      if (e.currency() != null) {
        currency = checks.matches(at + ".effect.currency", e.currency(), CODE, CODE_RULE);
      }
    }
    if (code == null
        || name == null
        || priority == null
        || condition == null
        || kind == null
        || value == null
        || currency == null) {
      return null;
    }
    return new RuleDefinition(
        code,
        name,
        priority,
        Boolean.TRUE.equals(r.exclusive()),
        condition,
        kind,
        value,
        currency,
        e.expiresInDays(),
        r.active() == null || r.active());
  }

  private static EffectKind kind(FieldChecks checks, String field, String text) {
    if (text == null) {
      checks.fail(field, "is required");
      return null;
    }
    try {
      return EffectKind.valueOf(text);
    } catch (IllegalArgumentException e) {
      checks.fail(field, "must be one of " + Arrays.toString(EffectKind.values()));
      return null;
    }
  }

  private static PurchaseFacts.Purchase purchase(FieldChecks checks, PurchaseDto p, Tenant club) {
    if (p == null) {
      checks.fail("purchase", "is required");
      return null;
    }
    Money amount = null;
    if (p.amount() == null) {
      checks.fail("purchase.amount", "is required");
    } else {
      amount = checks.positiveMoney("purchase.amount", p.amount().amount(), p.amount().currency());
    }
    String category = checks.matches("purchase.category", p.category(), CODE, CODE_RULE);
    String partner = null;
    if (p.partner() == null || !Slug.isValid(p.partner())) {
      checks.fail("purchase.partner", "must be a partner's slug");
    } else {
      partner = p.partner();
    }
    OffsetDateTime at = checks.dateTime("purchase.occurredAt", p.occurredAt());
    if (amount == null || category == null || partner == null || at == null) {
      return null;
    }
    LocalDateTime local = at.atZoneSameInstant(ZoneId.of(club.timeZone())).toLocalDateTime();
    return new PurchaseFacts.Purchase(amount, category, partner, local);
  }

  private static PurchaseFacts.Member member(FieldChecks checks, MemberDto m) {
    if (m == null) {
      return new PurchaseFacts.Member("", -1, 0, List.of(), List.of());
    }
    String tier = m.tier() == null || m.tier().isEmpty() ? "" : m.tier();
    if (!tier.isEmpty() && !CODE.matcher(tier).matches()) {
      checks.fail("member.tier", "must be a tier code, or empty for none");
    }
    int days = m.daysToBirthday() == null ? -1 : m.daysToBirthday();
    if (days < -1 || days > 365) {
      checks.fail("member.daysToBirthday", "must be between 0 and 365, or -1 if unknown");
    }
    long count = m.purchasesCount() == null ? 0 : m.purchasesCount();
    if (count < 0) {
      checks.fail("member.purchasesCount", "must be 0 or more");
    }
    List<String> categories = codes(checks, "member.categoriesThisMonth", m.categoriesThisMonth());
    List<String> segments = codes(checks, "member.segments", m.segments());
    if (days < -1 || days > 365 || count < 0) {
      return null;
    }
    return new PurchaseFacts.Member(tier, days, count, categories, segments);
  }

  private static List<String> codes(FieldChecks checks, String field, List<String> values) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_LIST) {
      checks.fail(field, "must list at most " + MAX_LIST + " codes");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String code = checks.matches(field + "[" + i + "]", values.get(i), CODE, CODE_RULE);
      if (code != null) {
        out.add(code);
      }
    }
    return out;
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }

  /** The contract's {@code EarningRuleSet}. */
  public record RuleSetDto(String maxAccrualPercent, List<RuleDto> rules) {
    static RuleSetDto of(RuleSet set) {
      return new RuleSetDto(
          plain(set.maxAccrualPercent()), set.rules().stream().map(RuleDto::of).toList());
    }
  }

  /** The contract's {@code EarningRule}. */
  public record RuleDto(
      String code,
      String name,
      Integer priority,
      Boolean exclusive,
      String condition,
      EffectDto effect,
      Boolean active) {
    static RuleDto of(RuleDefinition r) {
      return new RuleDto(
          r.code(),
          r.name(),
          r.priority(),
          r.exclusive(),
          r.condition(),
          new EffectDto(r.effect().name(), plain(r.effectValue()), r.currency(), r.expiryDays()),
          r.active());
    }
  }

  /** The contract's {@code EarningEffect}. */
  public record EffectDto(String kind, String value, String currency, Integer expiresInDays) {}

  /** The contract's {@code EarningSimulationRequest}. */
  public record SimulationRequest(
      RuleSetDto ruleSet, PurchaseDto purchase, MemberDto member, Long baseAccrualPoints) {}

  /** The contract's {@code SimulatedPurchase}. */
  public record PurchaseDto(MoneyDto amount, String category, String partner, String occurredAt) {}

  /** The contract's {@code SimulatedMember}. */
  public record MemberDto(
      String tier,
      Integer daysToBirthday,
      Long purchasesCount,
      List<String> categoriesThisMonth,
      List<String> segments) {}

  /** The contract's {@code EarningSimulation}. */
  public record SimulationDto(
      Map<String, Object> facts,
      List<FiredRuleDto> fired,
      List<SkippedRuleDto> skipped,
      List<GrantDto> grants) {
    static SimulationDto of(PurchaseFacts facts, Evaluation e) {
      return new SimulationDto(
          facts.variables(),
          e.fired().stream().map(FiredRuleDto::of).toList(),
          e.skipped().stream().map(SkippedRuleDto::of).toList(),
          e.grants().stream().map(GrantDto::of).toList());
    }
  }

  /** The contract's {@code FiredRule}. */
  public record FiredRuleDto(
      String code,
      String name,
      String effect,
      String currency,
      long points,
      boolean capped,
      String explanation) {
    static FiredRuleDto of(FiredRule f) {
      return new FiredRuleDto(
          f.code(),
          f.name(),
          f.effect().name(),
          f.currency(),
          f.points(),
          f.capped(),
          f.explanation());
    }
  }

  /** The contract's {@code SkippedRule}. */
  public record SkippedRuleDto(String code, String name, String reason, String explanation) {
    static SkippedRuleDto of(SkippedRule s) {
      return new SkippedRuleDto(s.code(), s.name(), s.reason().name(), s.explanation());
    }
  }

  /** The contract's {@code EarningGrant}. */
  public record GrantDto(
      String rule, String currency, long points, Integer expiresInDays, String explanation) {
    static GrantDto of(Grant g) {
      return new GrantDto(
          g.ruleCode(), g.currency(), g.points(), g.expiresInDays(), g.explanation());
    }
  }
}
