package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.fields;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.LimitName;
import club.bloom.client.model.LimitOverride;
import club.bloom.client.model.PartnerProvisioning;
import club.bloom.client.model.Plan;
import club.bloom.client.model.PlanChangeRequest;
import club.bloom.client.model.Subscription;
import club.bloom.client.model.SubscriptionUpdate;
import club.bloom.client.model.TenantSummary;
import club.bloom.client.model.UsageCharge;
import club.bloom.client.model.UsageLine;
import club.bloom.client.model.UsageStatement;
import club.bloom.devstack.BloomApi;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan catalogue, a club's subscription as its admin and the operator see and change it, usage
 * statements as JSON and CSV, and the operator's tenant list. Another club's admin sees none of it.
 */
class SubscriptionsIT {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static ClubFixture club;
  static ClubFixture otherClub;
  static PartnerFixture partner;
  static MemberFixture member;

  @BeforeAll
  static void clubs() throws ApiException {
    club = Fixtures.club();
    otherClub = Fixtures.club();
    partner = club.partner("florist", "spa");
    member = club.member();
    partner
        .api()
        .purchases()
        .postPurchase(key(), purchase(member.passport(), "1000.00", "florist"));
  }

  private static Map<String, UsageLine> usage(List<UsageLine> lines) {
    return lines.stream().collect(Collectors.toMap(UsageLine::getMetric, l -> l));
  }

  @Test
  void thePlanCatalogueIsPublicWithRublePricesAndLimits() throws ApiException {
    List<Plan> plans = Fixtures.anonymous().billing().listPlans();
    assertEquals(
        List.of("free", "start", "business", "enterprise"),
        plans.stream().map(Plan::getCode).toList());
    Plan free = plans.get(0);
    assertEquals("0.00", free.getMonthlyPrice().getAmount());
    assertEquals("RUB", free.getMonthlyPrice().getCurrency());
    assertEquals(1000L, free.getLimits().getPurchasesPerMonth());
    assertEquals(10L, free.getLimits().getApiRequestsPerSecond());
    Plan enterprise = plans.get(3);
    assertNull(enterprise.getLimits().getMembers(), "unlimited");
    assertEquals(500L, enterprise.getLimits().getApiRequestsPerSecond());
  }

  @Test
  void aNewTenantStartsOnTheDefaultPlan() throws ApiException {
    String shop = Fixtures.unique("partner");
    Fixtures.operator()
        .platform()
        .provisionPartner(shop, new PartnerProvisioning().name("Shop " + shop));
    Subscription s = Fixtures.operator().platform().getTenantSubscription("partners", shop);
    assertEquals("free", s.getPlan().getCode());
    assertEquals("partner", s.getTenant().getKind().getValue());
    assertTrue(s.getSince().isAfter(OffsetDateTime.now().minusMinutes(5)));
  }

  @Test
  void theClubAdminSeesThePlanLimitsAndThisMonthsUsage() throws ApiException {
    Subscription s = club.admin().billing().getClubSubscription(club.slug());
    assertEquals(Fixtures.TEST_PLAN, s.getPlan().getCode());
    assertEquals("79900.00", s.getMonthlyPrice().getAmount());
    assertEquals(YearMonth.now(MOSCOW).toString(), s.getMonth());
    Map<String, UsageLine> usage = usage(s.getUsage());
    assertEquals(1L, usage.get("purchases").getQuantity());
    assertEquals(1L, usage.get("members").getQuantity());
    assertEquals(1L, usage.get("partners").getQuantity());
    assertNull(usage.get("members").getAllowed(), "unlimited on enterprise");
    assertTrue(usage.get("apiRequests").getQuantity() >= 1, "this very request was counted");
  }

  @Test
  void theClubAdminChangesThePlanNowAndSchedulesADowngrade() throws ApiException {
    ClubFixture own = Fixtures.club();
    BloomApi admin = own.admin();
    Subscription upgraded =
        admin.billing().changeClubPlan(own.slug(), new PlanChangeRequest().plan("business"));
    assertEquals("business", upgraded.getPlan().getCode());
    assertEquals(100L, upgraded.getLimits().getApiRequestsPerSecond());
    assertNull(upgraded.getPendingChange());

    LocalDate firstOfNextMonth = YearMonth.now(MOSCOW).plusMonths(1).atDay(1);
    Subscription scheduled =
        admin
            .billing()
            .changeClubPlan(
                own.slug(), new PlanChangeRequest().plan("start").effectiveFrom(firstOfNextMonth));
    assertEquals("business", scheduled.getPlan().getCode(), "still in force until then");
    assertEquals("start", scheduled.getPendingChange().getPlan().getCode());
    assertEquals(
        firstOfNextMonth.atStartOfDay(MOSCOW).toInstant(),
        scheduled.getPendingChange().getEffectiveFrom().toInstant());

    Subscription kept =
        admin.billing().changeClubPlan(own.slug(), new PlanChangeRequest().plan("business"));
    assertNull(kept.getPendingChange(), "asking for the plan in force cancels the pending one");
    assertEquals(upgraded.getSince(), kept.getSince());

    JsonNode past =
        problem(
            failing(
                () ->
                    admin
                        .billing()
                        .changeClubPlan(
                            own.slug(),
                            new PlanChangeRequest()
                                .plan("start")
                                .effectiveFrom(LocalDate.now(MOSCOW).minusDays(1)))),
            400);
    assertEquals(List.of("effectiveFrom"), fields(past));
    assertEquals(
        List.of("plan"),
        fields(
            problem(
                failing(
                    () ->
                        admin
                            .billing()
                            .changeClubPlan(own.slug(), new PlanChangeRequest().plan("platinum"))),
                400)));
  }

  @Test
  void aDowngradeBelowWhatTheClubUsesIs409NamingTheLimit() throws ApiException {
    ClubFixture busy = Fixtures.club();
    for (int i = 0; i < 4; i++) {
      busy.partner("books");
    }
    JsonNode problem =
        problem(
            failing(
                () ->
                    busy.admin()
                        .billing()
                        .changeClubPlan(busy.slug(), new PlanChangeRequest().plan("free"))),
            409);
    assertEquals("https://bloom.club/problems/plan-below-usage", problem.get("type").asText());
    assertEquals(List.of("partnersPerClub"), fields(problem));
    assertTrue(problem.get("detail").asText().contains("partnersPerClub allows 3, 4 used"));
    assertEquals(
        Fixtures.TEST_PLAN,
        busy.admin().billing().getClubSubscription(busy.slug()).getPlan().getCode(),
        "nothing changed");

    // The operator may downgrade and keep, by an override, the limit the club needs.
    Subscription s =
        Fixtures.operator()
            .platform()
            .changeTenantSubscription(
                "clubs",
                busy.slug(),
                new SubscriptionUpdate()
                    .plan("free")
                    .overrides(
                        List.of(
                            new LimitOverride().limit(LimitName.PARTNERS_PER_CLUB).value(10L))));
    assertEquals("free", s.getPlan().getCode());
    assertEquals(10L, s.getLimits().getPartnersPerClub());
    assertEquals(500L, s.getLimits().getMembers(), "the rest is Free's");
  }

  @Test
  void anotherClubsAdminCannotSeeOrChangeTheSubscriptionOrStatements() {
    BloomApi intruder = otherClub.admin();
    String month = YearMonth.now(MOSCOW).toString();
    problem(failing(() -> intruder.billing().getClubSubscription(club.slug())), 404);
    problem(
        failing(
            () ->
                intruder
                    .billing()
                    .changeClubPlan(club.slug(), new PlanChangeRequest().plan("free"))),
        404);
    problem(failing(() -> intruder.billing().getClubUsageStatement(club.slug(), month)), 404);
    HttpResponse<String> csv =
        get("/clubs/" + club.slug() + "/usage-statements/" + month + ".csv", intruder());
    assertEquals(404, csv.statusCode());
    problem(failing(() -> intruder.platform().listTenants(null, null, null, null, null)), 403);
    problem(failing(() -> intruder.platform().getTenantSubscription("clubs", club.slug())), 403);
    problem(failing(() -> partner.api().billing().getClubSubscription(club.slug())), 403);
  }

  private static String intruder() {
    return Fixtures.KEYCLOAK.passwordGrant(
        otherClub.realm(),
        Fixtures.TEST_CLIENT,
        "admin@" + otherClub.slug() + ".test",
        "admin-" + otherClub.slug());
  }

  private static String adminToken() {
    return Fixtures.KEYCLOAK.passwordGrant(
        club.realm(),
        Fixtures.TEST_CLIENT,
        "admin@" + club.slug() + ".test",
        "admin-" + club.slug());
  }

  private static HttpResponse<String> get(String path, String bearer) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(Fixtures.STACK.bloomUrl() + "/api/v1" + path))
                  .header("Authorization", "Bearer " + bearer)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theMonthlyStatementShowsWhatWasUsedAndWhatThePlansCostAsJsonAndCsv() throws Exception {
    String month = YearMonth.now(MOSCOW).toString();
    UsageStatement statement = club.admin().billing().getClubUsageStatement(club.slug(), month);
    assertEquals(month, statement.getMonth());
    assertEquals("Europe/Moscow", statement.getTimeZone());
    assertEquals(false, statement.getClosed());
    Map<String, UsageLine> usage = usage(statement.getUsage());
    assertEquals(1L, usage.get("purchases").getQuantity());
    assertEquals(1L, usage.get("members").getQuantity());
    assertEquals(0L, usage.get("csvRows").getQuantity());
    // Free from registration, then the test plan: each for its share of the month.
    List<String> plans = statement.getCharges().stream().map(c -> c.getPlan().getCode()).toList();
    assertEquals(Fixtures.TEST_PLAN, plans.get(plans.size() - 1));
    BigDecimal sum =
        statement.getCharges().stream()
            .map(UsageCharge::getAmount)
            .map(m -> new BigDecimal(m.getAmount()))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(new BigDecimal(statement.getTotal().getAmount()), sum);
    assertTrue(sum.signum() > 0 && sum.compareTo(new BigDecimal("79900.00")) <= 0, sum::toString);

    HttpResponse<String> csv =
        get("/clubs/" + club.slug() + "/usage-statements/" + month + ".csv", adminToken());
    assertEquals(200, csv.statusCode(), csv::body);
    assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    assertEquals(
        "attachment; filename=\"usage-club-" + club.slug() + "-" + month + ".csv\"",
        csv.headers().firstValue("Content-Disposition").orElseThrow());
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv.body()))
            .getRecords();
    CSVRecord purchases =
        rows.stream().filter(r -> r.get("item").equals("purchases")).findFirst().orElseThrow();
    assertEquals("1", purchases.get("quantity"));
    CSVRecord total = rows.get(rows.size() - 1);
    assertEquals("total", total.get("section"));
    assertEquals(statement.getTotal().getAmount(), total.get("amount"));

    // The operator reads the partner's statement: its purchases count for it too.
    UsageStatement partners =
        Fixtures.operator().platform().getTenantUsageStatement("partners", partner.slug(), month);
    assertEquals(1L, usage(partners.getUsage()).get("purchases").getQuantity());
    assertNull(usage(partners.getUsage()).get("members"), "a partner holds no members");

    problem(
        failing(() -> club.admin().billing().getClubUsageStatement(club.slug(), "2026-13")), 400);
    problem(
        failing(
            () ->
                club.admin()
                    .billing()
                    .getClubUsageStatement(
                        club.slug(), YearMonth.now(MOSCOW).plusMonths(1).toString())),
        400);
  }

  @Test
  void theOperatorListsTenantsWithStatusPlanProvisioningAndUsage() throws ApiException {
    TenantSummary found = null;
    String cursor = null;
    do {
      var page = Fixtures.operator().platform().listTenants("club", null, null, 100, cursor);
      for (TenantSummary t : page.getItems()) {
        assertEquals("club", t.getKind().getValue());
        if (t.getSlug().equals(club.slug())) {
          found = t;
        }
      }
      cursor = page.getNextCursor();
    } while (found == null && cursor != null);
    assertNotNull(found, "the club is listed");
    assertEquals(TenantSummary.StatusEnum.ACTIVE, found.getStatus());
    assertEquals(TenantSummary.ProvisioningStepEnum.DONE, found.getProvisioningStep());
    assertEquals(Fixtures.TEST_PLAN, found.getPlan().getCode());
    assertEquals(1L, found.getUsage().getPurchases());
    assertEquals(YearMonth.now(MOSCOW).toString(), found.getUsage().getMonth());

    TenantSummary shop = Fixtures.operator().platform().getTenant("partners", partner.slug());
    assertEquals(1L, shop.getUsage().getPurchases());
    assertTrue(shop.getUsage().getApiRequests() >= 1);
    problem(failing(() -> Fixtures.operator().platform().getTenant("clubs", "no-such-club")), 404);
  }

  @Test
  void theOperatorFindsATenantByTextAndStatusWithItsUsageAgainstTheLimitsInForce()
      throws ApiException {
    BloomApi operator = Fixtures.operator();
    // A club of its own: the other tests count the shared club's purchases.
    ClubFixture own = Fixtures.club();
    PartnerFixture shop = own.partner("florist");
    shop.api()
        .purchases()
        .postPurchase(key(), purchase(own.member().passport(), "500.00", "florist"));
    Fixtures.override("partners", shop.slug(), "purchasesPerMonth", 40);

    // The slug in upper case, and a part of the name ("Shop partner-…"), find it; nothing else.
    var bySlug = operator.platform().listTenants(null, null, shop.slug().toUpperCase(), 100, null);
    assertEquals(
        List.of(shop.slug()), bySlug.getItems().stream().map(TenantSummary::getSlug).toList());
    TenantSummary listed = bySlug.getItems().get(0);
    assertEquals("partner", listed.getKind().getValue());
    assertEquals(1L, listed.getUsage().getPurchases());
    assertEquals(40L, listed.getLimits().getPurchasesPerMonth(), "the override is in force");
    assertEquals(500L, listed.getLimits().getApiRequestsPerSecond(), "the plan's own rate");
    assertEquals(
        listed.getLimits(), operator.platform().getTenant("partners", shop.slug()).getLimits());
    var byName = operator.platform().listTenants("partner", null, "shop " + shop.slug(), 10, null);
    assertEquals(1, byName.getItems().size());
    assertNull(byName.getNextCursor());
    assertTrue(
        operator.platform().listTenants("club", null, shop.slug(), 10, null).getItems().isEmpty(),
        "a partner is not a club");

    // By status: suspended, it is among the suspended and not among the active ones.
    operator
        .platform()
        .suspendTenant(
            "partners", shop.slug(), new club.bloom.client.model.Suspension().reason("test"));
    try {
      assertEquals(
          1,
          operator
              .platform()
              .listTenants(null, "SUSPENDED", shop.slug(), 10, null)
              .getItems()
              .size());
      assertTrue(
          operator
              .platform()
              .listTenants(null, "ACTIVE", shop.slug(), 10, null)
              .getItems()
              .isEmpty());
    } finally {
      operator.platform().resumeTenant("partners", shop.slug());
    }
    assertEquals(
        1,
        operator.platform().listTenants(null, "ACTIVE", shop.slug(), 10, null).getItems().size());

    assertEquals(
        List.of("status"),
        fields(
            problem(
                failing(() -> operator.platform().listTenants(null, "GONE", null, 10, null)),
                400)));
    assertEquals(
        List.of("q"),
        fields(
            problem(
                failing(
                    () -> operator.platform().listTenants(null, null, "x".repeat(101), 10, null)),
                400)));
  }
}
