package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.Category;
import club.bloom.client.model.ClubProvisioning;
import club.bloom.client.model.MemberEnrolment;
import club.bloom.client.model.PurchaseResult;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A credential of one tenant never reads or changes another tenant's data. */
class TenantIsolationIT {
  static ClubFixture clubA;
  static ClubFixture clubB;
  static PartnerFixture partnerA;
  static PartnerFixture otherPartnerOfA;
  static PartnerFixture partnerB;
  static MemberFixture memberA;
  static MemberFixture memberB;
  static PurchaseResult purchaseOfA;

  @BeforeAll
  static void twoClubs() throws ApiException {
    clubA = Fixtures.club();
    clubB = Fixtures.club();
    partnerA = clubA.partner("florist");
    otherPartnerOfA = clubA.partner("spa");
    partnerB = clubB.partner("florist");
    memberA = clubA.member();
    memberB = clubB.member();
    purchaseOfA =
        partnerA
            .api()
            .purchases()
            .postPurchase(key(), purchase(memberA.passport(), "2500.00", "florist"));
  }

  @Test
  void anotherPartnerOfTheSameClubSeesNoneOfThePartnersReceipts() throws ApiException {
    assertTrue(
        otherPartnerOfA.api().purchases().listPurchases(100, null).getItems().stream()
            .noneMatch(r -> r.getPurchaseId().equals(purchaseOfA.getPurchaseId())));
    assertTrue(
        partnerB.api().purchases().listPurchases(100, null).getItems().stream()
            .noneMatch(r -> r.getPurchaseId().equals(purchaseOfA.getPurchaseId())));
    assertTrue(
        partnerA.api().purchases().listPurchases(100, null).getItems().stream()
            .anyMatch(r -> r.getPurchaseId().equals(purchaseOfA.getPurchaseId())));
  }

  @Test
  void aPartnerOutsideTheClubCannotCreditItsMembers() throws ApiException {
    problem(
        failing(
            () ->
                partnerB
                    .api()
                    .purchases()
                    .postPurchase(key(), purchase(memberA.passport(), "100.00", "florist"))),
        404);
    assertEquals(125L, memberA.api().member().getMyCabinet().getPointsBalance());
  }

  @Test
  void aMemberOfAnotherClubSeesOnlyHerOwnClub() throws ApiException {
    var cabinet = memberB.api().member().getMyCabinet();
    assertEquals(clubB.slug(), cabinet.getClub());
    assertEquals(memberB.passport(), cabinet.getPassportCode());
    assertEquals(0L, cabinet.getPointsBalance());
    assertTrue(memberB.api().member().listMyPurchases(100, null).getItems().isEmpty());

    var history = memberA.api().member().listMyPurchases(100, null).getItems();
    assertEquals(1, history.size());
    assertEquals(purchaseOfA.getPurchaseId(), history.get(0).getPurchaseId());
  }

  @Test
  void aClubAdminCannotReadOrChangeAnotherClub() throws ApiException {
    var adminB = clubB.admin();
    List<Category> one = List.of(new Category().code("hijack").name("Hijack"));
    problem(failing(() -> adminB.clubs().defineCategories(clubA.slug(), one)), 404);
    problem(
        failing(
            () ->
                adminB
                    .clubs()
                    .enrolMember(
                        clubA.slug(),
                        key(),
                        new MemberEnrolment()
                            .firstName("X")
                            .lastName("Y")
                            .phone("+79990000001")
                            .email("x@y.test"))),
        404);
    // The same admin may change its own club.
    adminB
        .clubs()
        .defineCategories(clubB.slug(), List.of(new Category().code("florist").name("Цветы")));
  }

  @Test
  void rolesOfOneKindOfCallerOpenNothingElse() throws ApiException {
    var member = memberA.api();
    problem(
        failing(
            () ->
                member
                    .platform()
                    .provisionClub(
                        Fixtures.unique("evil"),
                        new ClubProvisioning().name("E").adminEmail("e@e.test"))),
        403);
    problem(failing(() -> member.purchases().listPurchases(10, null)), 403);
    problem(failing(() -> partnerA.api().member().getMyCabinet()), 403);
    var admin = clubA.admin();
    problem(
        failing(
            () ->
                admin
                    .platform()
                    .provisionPartner(
                        Fixtures.unique("evil"),
                        new club.bloom.client.model.PartnerProvisioning().name("Evil"))),
        403);
  }

  @Test
  void tokensOfIssuersOffTheAllowListAreRefused() {
    String masterToken = Fixtures.KEYCLOAK.adminToken();
    problem(failing(() -> Fixtures.as(masterToken).member().getMyCabinet()), 401);
  }
}
