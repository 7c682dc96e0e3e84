package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.PartnerProvisioning;
import club.bloom.client.model.PurchaseResult;
import club.bloom.client.model.Suspension;
import club.bloom.client.model.TenantSummary;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator suspends a tenant: its API keys and its realm's logins are refused with 403
 * tenant-suspended, its data is kept, and resuming restores access.
 */
class SuspensionIT {
  static ClubFixture club;
  static PartnerFixture partner;
  static MemberFixture member;
  static PurchaseResult purchase;

  @BeforeAll
  static void tenants() throws ApiException {
    club = Fixtures.club();
    partner = club.partner("florist");
    member = club.member();
    purchase =
        partner
            .api()
            .purchases()
            .postPurchase(key(), purchase(member.passport(), "3000.00", "florist"));
  }

  private static JsonNode suspended(ApiException e, String tenant) {
    JsonNode problem = problem(e, 403);
    assertEquals("https://bloom.club/problems/tenant-suspended", problem.get("type").asText());
    assertEquals(tenant, problem.get("tenant").asText());
    return problem;
  }

  @Test
  void aSuspendedPartnersKeysAreRefusedAndWorkAgainAfterResuming() throws ApiException {
    PartnerFixture shop = club.partner("spa");
    shop.api().purchases().postPurchase(key(), purchase(member.passport(), "100.00", "spa"));

    TenantSummary s =
        Fixtures.operator()
            .platform()
            .suspendTenant("partners", shop.slug(), new Suspension().reason("Unpaid invoice"));
    assertEquals(TenantSummary.StatusEnum.SUSPENDED, s.getStatus());
    assertEquals("Unpaid invoice", s.getSuspensionReason());

    JsonNode problem =
        suspended(failing(() -> shop.api().purchases().listPurchases(10, null)), shop.slug());
    assertTrue(problem.get("detail").asText().contains("data is kept"), problem.toString());
    suspended(
        failing(
            () ->
                shop.api()
                    .purchases()
                    .postPurchase(key(), purchase(member.passport(), "100.00", "spa"))),
        shop.slug());

    // Provisioning run again does not lift the suspension.
    var again =
        Fixtures.operator()
            .platform()
            .provisionPartner(shop.slug(), new PartnerProvisioning().name("Shop " + shop.slug()));
    assertEquals("SUSPENDED", again.getStatus().getValue());

    TenantSummary resumed = Fixtures.operator().platform().resumeTenant("partners", shop.slug());
    assertEquals(TenantSummary.StatusEnum.ACTIVE, resumed.getStatus());
    assertEquals(null, resumed.getSuspensionReason());
    assertEquals(
        1, shop.api().purchases().listPurchases(10, null).getItems().size(), "its data was kept");
  }

  @Test
  void aSuspendedClubsLoginsAreRefusedItsDataKeptAndResumingRestoresThem() throws ApiException {
    long balance = member.api().member().getMyCabinet().getPointsBalance();
    Fixtures.operator()
        .platform()
        .suspendTenant("clubs", club.slug(), new Suspension().reason("Contract ended"));
    try {
      suspended(failing(() -> member.api().member().getMyCabinet()), club.slug());
      suspended(
          failing(() -> club.admin().billing().getClubSubscription(club.slug())), club.slug());
      // Its partner, not suspended itself, finds no such member to credit.
      problem(
          failing(
              () ->
                  partner
                      .api()
                      .purchases()
                      .postPurchase(key(), purchase(member.passport(), "100.00", "florist"))),
          404);
      TenantSummary listed = Fixtures.operator().platform().getTenant("clubs", club.slug());
      assertEquals(TenantSummary.StatusEnum.SUSPENDED, listed.getStatus());
      assertEquals("Contract ended", listed.getSuspensionReason());
    } finally {
      Fixtures.operator().platform().resumeTenant("clubs", club.slug());
    }
    var cabinet = member.api().member().getMyCabinet();
    assertEquals(balance, cabinet.getPointsBalance(), "the member's points were kept");
    assertTrue(
        member.api().member().listMyPurchases(10, null).getItems().stream()
            .anyMatch(p -> p.getPurchaseId().equals(purchase.getPurchaseId())),
        "her purchases were kept");
    club.admin().billing().getClubSubscription(club.slug());
  }

  @Test
  void onlyTheOperatorSuspends() {
    problem(
        failing(
            () ->
                club.admin()
                    .platform()
                    .suspendTenant("clubs", club.slug(), new Suspension().reason("x"))),
        403);
    problem(
        failing(
            () ->
                Fixtures.operator()
                    .platform()
                    .suspendTenant("clubs", club.slug(), new Suspension().reason(" "))),
        400);
  }
}
