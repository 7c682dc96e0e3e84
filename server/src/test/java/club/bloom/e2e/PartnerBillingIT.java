package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.ApiKeyScope;
import club.bloom.client.model.NewApiKey;
import club.bloom.client.model.PlanChangeRequest;
import club.bloom.devstack.BloomApi;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partner's owner or admin sees and changes its own plan and reads its usage statements, like a
 * club's; a key with {@code reports:read} reads the statements; nobody else's partner is visible.
 */
class PartnerBillingIT {
  private static final String MONTH = YearMonth.now(ZoneId.of("Europe/Moscow")).toString();
  static ClubFixture club;
  static PartnerFixture shop;
  static PartnerFixture otherShop;

  @BeforeAll
  static void partners() throws ApiException {
    club = Fixtures.club();
    shop = club.partner("florist");
    otherShop = club.partner("spa");
  }

  @Test
  void thePartnersOwnerSeesAndChangesItsPlan() throws ApiException {
    BloomApi owner = shop.staff("partner-owner");
    assertEquals(
        Fixtures.TEST_PLAN,
        owner.billing().getPartnerSubscription(shop.slug()).getPlan().getCode());
    var changed =
        owner.billing().changePartnerPlan(shop.slug(), new PlanChangeRequest().plan("business"));
    assertEquals("business", changed.getPlan().getCode());
    assertEquals(
        "business",
        Fixtures.operator()
            .platform()
            .getTenantSubscription("partners", shop.slug())
            .getPlan()
            .getCode());
    var invalid =
        problem(
            failing(
                () ->
                    owner
                        .billing()
                        .changePartnerPlan(shop.slug(), new PlanChangeRequest().plan("gold"))),
            400);
    assertEquals(List.of("plan"), Fixtures.fields(invalid));
  }

  @Test
  void aCashierOrAnotherPartnersOwnerCannot() {
    problem(
        failing(() -> shop.staff("cashier").billing().getPartnerSubscription(shop.slug())), 403);
    problem(
        failing(
            () -> otherShop.staff("partner-owner").billing().getPartnerSubscription(shop.slug())),
        404);
    problem(
        failing(
            () ->
                otherShop
                    .staff("partner-admin")
                    .billing()
                    .changePartnerPlan(shop.slug(), new PlanChangeRequest().plan("free"))),
        404);
  }

  @Test
  void aReportsKeyReadsTheStatementAsJsonAndCsvAndAPurchasesKeyDoesNot() throws ApiException {
    BloomApi admin = shop.staff("partner-admin");
    String reports =
        admin
            .access()
            .createPartnerApiKey(
                shop.slug(),
                new NewApiKey()
                    .mode(NewApiKey.ModeEnum.TEST)
                    .label("accounting")
                    .scopes(List.of(ApiKeyScope.REPORTS_READ)))
            .getKey();
    var statement = Fixtures.as(reports).billing().getPartnerUsageStatement(shop.slug(), MONTH);
    assertEquals(MONTH, statement.getMonth());
    var csv =
        Fixtures.http(
            "GET",
            "/partners/" + shop.slug() + "/usage-statements/" + MONTH + ".csv",
            reports,
            null);
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.body().contains("partner," + shop.slug() + "," + MONTH), csv.body());
    problem(failing(() -> shop.api().billing().getPartnerUsageStatement(shop.slug(), MONTH)), 403);
    // A reports key of one partner reads no other partner's statement.
    problem(
        failing(
            () -> Fixtures.as(reports).billing().getPartnerUsageStatement(otherShop.slug(), MONTH)),
        404);
  }
}
