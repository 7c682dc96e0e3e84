package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.fields;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.rub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.EarningEffect;
import club.bloom.client.model.EarningGrant;
import club.bloom.client.model.EarningRule;
import club.bloom.client.model.EarningRuleSet;
import club.bloom.client.model.EarningSimulation;
import club.bloom.client.model.EarningSimulationRequest;
import club.bloom.client.model.FiredEarningRule;
import club.bloom.client.model.SimulatedMember;
import club.bloom.client.model.SimulatedPurchase;
import club.bloom.client.model.SkippedEarningRule;
import club.bloom.e2e.Fixtures.ClubFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Club staff define earning rules, get invalid CEL refused with its position, and simulate a
 * purchase to see which rules fire and why; other clubs' staff see nothing.
 *
 * <p>Pending: needs {@code rules-fragment.yaml} merged into the contract and {@code
 * BloomApi.rules()} (returning {@code new RulesApi(client)}).
 */
class EarningRulesIT {
  static ClubFixture club;
  static ClubFixture otherClub;

  @BeforeAll
  static void clubs() throws ApiException {
    club = Fixtures.club();
    otherClub = Fixtures.club();
    club.admin().rules().defineEarningRules(club.slug(), bloomCareRules(), null);
  }

  /** Bloom&Care's default rules, as the demo loader sends them. */
  static EarningRuleSet bloomCareRules() {
    try (InputStream in = EarningRulesIT.class.getResourceAsStream("/demo/bloom-care-rules.json")) {
      return Fixtures.JSON.readValue(in, EarningRuleSet.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 2 000 ₽ at a florist, Friday 27 November 2026 16:30 UTC = 19:30 in Moscow. */
  static SimulatedPurchase florist() {
    return new SimulatedPurchase()
        .amount(rub("2000.00"))
        .category("florist")
        .partner("rose-garden")
        .occurredAt(OffsetDateTime.of(2026, 11, 27, 16, 30, 0, 0, ZoneOffset.UTC));
  }

  static EarningSimulation simulate(SimulatedMember member, long base) throws ApiException {
    return club.admin()
        .rules()
        .simulateEarning(
            club.slug(),
            new EarningSimulationRequest()
                .purchase(florist())
                .member(member)
                .baseAccrualPoints(base));
  }

  static List<String> fired(EarningSimulation s) {
    return s.getFired().stream().map(FiredEarningRule::getCode).toList();
  }

  static SkippedEarningRule skipped(EarningSimulation s, String code) {
    return s.getSkipped().stream().filter(r -> r.getCode().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void definingTheDefaultRulesAnswersTheSavedSetInEvaluationOrder() throws ApiException {
    EarningRuleSet saved =
        club.admin().rules().defineEarningRules(club.slug(), bloomCareRules(), null);

    assertEquals("25", saved.getMaxAccrualPercent());
    assertEquals(
        List.of("welcome", "birthday", "cross-credits", "vip-new-category", "new-category"),
        saved.getRules().stream().map(EarningRule::getCode).toList());
    EarningRule cross = saved.getRules().get(2);
    assertEquals(EarningEffect.KindEnum.ACCRUAL_PERCENT, cross.getEffect().getKind());
    assertEquals("3", cross.getEffect().getValue());
    assertEquals("cross-credits", cross.getEffect().getCurrency());
    assertEquals(10, cross.getEffect().getExpiresInDays());
    assertEquals(saved, club.admin().rules().listEarningRules(club.slug()));
  }

  @Test
  void theOperatorMayReadAClubsRules() throws ApiException {
    assertEquals(5, Fixtures.operator().rules().listEarningRules(club.slug()).getRules().size());
  }

  @Test
  void anInvalidConditionIsRefusedWithTheFieldAndThePosition() {
    EarningRuleSet set = bloomCareRules();
    List<EarningRule> rules = new ArrayList<>(set.getRules());
    rules.set(1, rules.get(1).condition("member.days_to_birthday >= 0 &&\n  purchase.amout > 1.0"));
    set.setRules(rules);

    JsonNode p =
        problem(
            failing(
                () -> otherClub.admin().rules().defineEarningRules(otherClub.slug(), set, null)),
            400);

    assertEquals(List.of("rules[1].condition"), fields(p));
    assertEquals(
        "invalid CEL at 2:11: undefined field 'amout'",
        p.path("errors").get(0).get("reason").asText());
  }

  @Test
  void aConditionThatIsNotABoolIsRefused() {
    EarningRuleSet set =
        new EarningRuleSet()
            .rules(
                List.of(
                    new EarningRule()
                        .code("hours")
                        .name("Hours")
                        .priority(1)
                        .condition("purchase.hour + 1")
                        .effect(
                            new EarningEffect()
                                .kind(EarningEffect.KindEnum.FIXED_POINTS)
                                .value("10"))));

    JsonNode p =
        problem(
            failing(
                () -> otherClub.admin().rules().defineEarningRules(otherClub.slug(), set, null)),
            400);

    assertEquals(
        "invalid CEL at 1:15: expected type 'bool' but found 'int'",
        p.path("errors").get(0).get("reason").asText());
  }

  @Test
  void everyMalformedFieldIsNamed() {
    String token =
        Fixtures.KEYCLOAK.passwordGrant(
            otherClub.realm(),
            Fixtures.TEST_CLIENT,
            "admin@" + otherClub.slug() + ".test",
            "admin-" + otherClub.slug());
    var answer =
        Fixtures.http(
            "PUT",
            "/clubs/" + otherClub.slug() + "/rules",
            token,
            Map.of(
                "maxAccrualPercent",
                "150",
                "rules",
                List.of(
                    Map.of(
                        "code", "Bad Code",
                        "name", "x",
                        "condition", "true",
                        "effect", Map.of("kind", "BONUS", "value", "1")))));

    assertEquals(400, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("\"rules[0].code\""), answer.body());
    assertTrue(answer.body().contains("\"rules[0].priority\""), answer.body());
    assertTrue(answer.body().contains("\"rules[0].effect.kind\""), answer.body());
  }

  @Test
  void aSimulationShowsWhichRulesFireAndWhy() throws ApiException {
    EarningSimulation s =
        simulate(
            new SimulatedMember()
                .tier("vip")
                .purchasesCount(4L)
                .daysToBirthday(2)
                .categoriesThisMonth(List.of("gastro")),
            140);

    assertEquals(List.of("birthday", "cross-credits", "vip-new-category"), fired(s));
    assertEquals(
        "the condition holds; ×2 of the base 140 points adds 140 points",
        s.getFired().get(2).getExplanation());
    assertEquals(SkippedEarningRule.ReasonEnum.CONDITION_FALSE, skipped(s, "welcome").getReason());
    SkippedEarningRule shadowed = skipped(s, "new-category");
    assertEquals(SkippedEarningRule.ReasonEnum.SHADOWED, shadowed.getReason());
    assertEquals("not evaluated: exclusive rule vip-new-category fired", shadowed.getExplanation());
    assertEquals(
        List.of(
            "birthday:points:500", "cross-credits:cross-credits:60", "vip-new-category:points:140"),
        s.getGrants().stream()
            .map(g -> g.getRule() + ":" + g.getCurrency() + ":" + g.getPoints())
            .toList());
    EarningGrant cross = s.getGrants().get(1);
    assertEquals(10, cross.getExpiresInDays());
    // the facts as conditions saw them: 16:30 UTC is 19:30 in the club's time zone (Moscow)
    Map<?, ?> purchase = (Map<?, ?>) s.getFacts().get("purchase");
    assertEquals(19, ((Number) purchase.get("hour")).intValue());
    assertEquals(5, ((Number) purchase.get("day_of_week")).intValue());
    assertEquals("2026-11-27", purchase.get("date"));
  }

  @Test
  void aNewMembersFirstPurchaseGetsTheWelcomeBonusAndOneAndAHalf() throws ApiException {
    EarningSimulation s = simulate(new SimulatedMember().tier("insider"), 100);

    assertEquals(List.of("welcome", "cross-credits", "new-category"), fired(s));
    assertEquals(
        SkippedEarningRule.ReasonEnum.CONDITION_FALSE, skipped(s, "vip-new-category").getReason());
  }

  @Test
  void aPurchaseIsCreditedWithTheBonusesTheRulesGrant() throws Exception {
    var partner = club.partner("florist");
    var member = club.member();
    var result =
        partner
            .api()
            .purchases()
            .postPurchase(
                Fixtures.key(), Fixtures.purchase(member.passport(), "2000.00", "florist"));

    // Base 5 % = 100; welcome 300; ×1.5 on a first category this month = 50; cross-credits 3 % =
    // 60.
    assertEquals(450L, result.getPointsEarned());
    assertEquals(450L, result.getPointsBalance());
    var bonuses = result.getBonuses().stream().map(b -> b.getRule() + ":" + b.getPoints()).toList();
    assertEquals(3, bonuses.size(), bonuses.toString());
    var cross =
        result.getBonuses().stream()
            .filter(b -> b.getCurrency().equals("cross-credits"))
            .findFirst()
            .orElseThrow();
    assertEquals(60L, cross.getPoints());
    long days =
        java.time.Duration.between(java.time.OffsetDateTime.now(), cross.getExpiresAt()).toDays();
    assertTrue(days >= 9 && days <= 10, "cross-credits expire in 10 days, not " + days);

    var second =
        partner
            .api()
            .purchases()
            .postPurchase(
                Fixtures.key(), Fixtures.purchase(member.passport(), "2000.00", "florist"));
    assertEquals(100L, second.getPointsEarned(), "no welcome, no new category: base only");
  }

  @Test
  void aSimulationWithMissingFactsNamesThem() {
    JsonNode p =
        problem(
            failing(
                () ->
                    club.admin()
                        .rules()
                        .simulateEarning(
                            club.slug(),
                            new EarningSimulationRequest()
                                .purchase(new SimulatedPurchase().category("florist")))),
            400);

    assertTrue(fields(p).contains("purchase.amount"), fields(p).toString());
    assertTrue(fields(p).contains("purchase.partner"), fields(p).toString());
    assertTrue(fields(p).contains("purchase.occurredAt"), fields(p).toString());
    assertTrue(fields(p).contains("baseAccrualPoints"), fields(p).toString());
  }

  @Test
  void anotherClubsAdminFindsNoSuchClub() {
    var stranger = otherClub.admin().rules();

    problem(failing(() -> stranger.listEarningRules(club.slug())), 404);
    problem(failing(() -> stranger.defineEarningRules(club.slug(), bloomCareRules(), null)), 404);
    problem(
        failing(
            () ->
                stranger.simulateEarning(
                    club.slug(),
                    new EarningSimulationRequest().purchase(florist()).baseAccrualPoints(100L))),
        404);
  }

  @Test
  void aMemberMayNotTouchTheRules() throws ApiException {
    var member = club.member().api().rules();

    problem(failing(() -> member.listEarningRules(club.slug())), 403);
  }

  @Test
  void aDraftRuleIsSimulatedWithTheSavedOnesWithoutBeingSaved() throws ApiException {
    EarningRuleSet draft = bloomCareRules();
    List<EarningRule> rules = new ArrayList<>(draft.getRules());
    rules.add(
        new EarningRule()
            .code("rose-garden-250")
            .name("Rose Garden: 250 баллов")
            .priority(5)
            .condition("purchase.partner == 'rose-garden' && purchase.amount > 1000.0")
            .effect(new EarningEffect().kind(EarningEffect.KindEnum.FIXED_POINTS).value("250")));
    draft.setRules(rules);

    EarningSimulation s =
        club.admin()
            .rules()
            .simulateEarning(
                club.slug(),
                new EarningSimulationRequest()
                    .ruleSet(draft)
                    .purchase(florist())
                    .member(new SimulatedMember().tier("insider").purchasesCount(3L))
                    .baseAccrualPoints(100L));

    assertEquals("rose-garden-250", fired(s).get(0));
    assertEquals(250L, s.getFired().get(0).getPoints());
    assertEquals("the condition holds; a fixed 250 points", s.getFired().get(0).getExplanation());
    assertEquals(
        List.of("welcome", "birthday", "cross-credits", "vip-new-category", "new-category"),
        club.admin().rules().listEarningRules(club.slug()).getRules().stream()
            .map(EarningRule::getCode)
            .toList(),
        "the draft is not saved");
  }

  @Test
  void anInvalidDraftIsRefusedUnderRuleSetWithThePosition() {
    EarningRuleSet draft = bloomCareRules();
    List<EarningRule> rules = new ArrayList<>(draft.getRules());
    rules.set(3, rules.get(3).condition("member.tier == 'vip' &&\n  purchase.amout > 1.0"));
    draft.setRules(rules);

    JsonNode p =
        problem(
            failing(
                () ->
                    club.admin()
                        .rules()
                        .simulateEarning(
                            club.slug(),
                            new EarningSimulationRequest()
                                .ruleSet(draft)
                                .purchase(florist())
                                .baseAccrualPoints(100L))),
            400);

    assertEquals(List.of("ruleSet.rules[3].condition"), fields(p));
    assertEquals(
        "invalid CEL at 2:11: undefined field 'amout'",
        p.path("errors").get(0).get("reason").asText());
  }

  /** PUT /clubs/{club}/rules with an optional If-Match, as a raw call (to see ETag and 412). */
  private static java.net.http.HttpResponse<String> putRules(
      ClubFixture on, String bearer, String ifMatch, Object body) throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    Fixtures.STACK.bloomUrl() + "/api/v1/clubs/" + on.slug() + "/rules"))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .PUT(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    Fixtures.JSON.writeValueAsString(body)));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return java.net.http.HttpClient.newHttpClient()
        .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void twoAdminsEditingTheSameRevisionTheSecondSaveIsRefusedWithNothingChanged() throws Exception {
    ClubFixture own = Fixtures.club();
    String admin =
        Fixtures.KEYCLOAK.passwordGrant(
            own.realm(),
            Fixtures.TEST_CLIENT,
            "admin@" + own.slug() + ".test",
            "admin-" + own.slug());
    var read = Fixtures.http("GET", "/clubs/" + own.slug() + "/rules", admin, null);
    String etag = read.headers().firstValue("ETag").orElseThrow();
    assertEquals("\"0\"", etag);

    // The first admin saves the Bloom&Care rules from revision 0: revision 1.
    var first = putRules(own, admin, etag, bloomCareRules());
    assertEquals(200, first.statusCode(), first.body());
    assertEquals("\"1\"", first.headers().firstValue("ETag").orElseThrow());

    // The second admin, still on revision 0, saves an empty set: refused, nothing changed.
    var second = putRules(own, admin, etag, new EarningRuleSet().rules(List.of()));
    assertEquals(412, second.statusCode(), second.body());
    JsonNode stale = Fixtures.JSON.readTree(second.body());
    assertEquals("https://bloom.club/problems/stale-rules", stale.get("type").asText());
    assertEquals(1, stale.get("currentRevision").asInt());
    assertEquals(
        bloomCareRules().getRules().size(),
        own.admin().rules().listEarningRules(own.slug()).getRules().size());

    // Reloaded, the edit goes through; a malformed If-Match is named.
    var again = putRules(own, admin, "\"1\"", new EarningRuleSet().rules(List.of()));
    assertEquals(200, again.statusCode(), again.body());
    assertEquals("\"2\"", again.headers().firstValue("ETag").orElseThrow());
    var malformed = putRules(own, admin, "W/1", new EarningRuleSet().rules(List.of()));
    assertEquals(400, malformed.statusCode(), malformed.body());
    assertEquals(List.of("If-Match"), Fixtures.fields(Fixtures.JSON.readTree(malformed.body())));
  }
}
