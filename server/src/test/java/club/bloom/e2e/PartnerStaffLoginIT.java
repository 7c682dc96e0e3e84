package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.PurchaseResult;
import club.bloom.client.model.Suspension;
import club.bloom.devstack.BloomApi;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partner's staff log in through the platform realm; the organization of the login names the
 * partner, and the login resolves to the same principal as the partner's API keys: a cashier's web
 * terminal records purchases and looks members up for that partner only.
 */
class PartnerStaffLoginIT {
  static ClubFixture club;
  static ClubFixture otherClub;
  static PartnerFixture partner;
  static PartnerFixture otherPartner;
  static MemberFixture member;
  static MemberFixture otherMember;

  @BeforeAll
  static void tenants() throws ApiException {
    club = Fixtures.club();
    otherClub = Fixtures.club();
    partner = club.partner("florist");
    otherPartner = otherClub.partner("florist");
    member = club.member();
    otherMember = otherClub.member();
  }

  @Test
  void aCashierLoginRecordsPurchasesAndLooksMembersUpAsItsPartner() throws ApiException {
    BloomApi cashier = partner.staff("cashier");

    var card = cashier.purchases().lookupMember(member.passport());
    assertEquals(member.passport(), card.getPassportCode());

    PurchaseResult recorded =
        cashier.purchases().postPurchase(key(), purchase(member.passport(), "1200.00", "florist"));
    // The same partner's API key sees the receipt its cashier recorded: one principal.
    assertTrue(
        partner.api().purchases().listPurchases(100, null).getItems().stream()
            .anyMatch(r -> r.getPurchaseId().equals(recorded.getPurchaseId())));
    // Another partner's key does not.
    assertTrue(
        otherPartner.api().purchases().listPurchases(100, null).getItems().stream()
            .noneMatch(r -> r.getPurchaseId().equals(recorded.getPurchaseId())));
    // A cashier reads no receipts list (that is for owners, admins and analysts).
    problem(failing(() -> cashier.purchases().listPurchases(10, null)), 403);
  }

  @Test
  void aCashierCannotCreditOrSeeTheMembersOfAClubItsPartnerHasNotJoined() {
    BloomApi cashier = partner.staff("cashier");
    problem(
        failing(
            () ->
                cashier
                    .purchases()
                    .postPurchase(key(), purchase(otherMember.passport(), "500.00", "florist"))),
        404);
    problem(failing(() -> cashier.purchases().lookupMember(otherMember.passport())), 404);
  }

  @Test
  void anAnalystReadsButDoesNotRecord() throws ApiException {
    BloomApi analyst = partner.staff("partner-analyst");
    analyst.purchases().listPurchases(10, null);
    problem(
        failing(
            () ->
                analyst
                    .purchases()
                    .postPurchase(key(), purchase(member.passport(), "100.00", "florist"))),
        403);
  }

  @Test
  void aLoginInTwoPartnersOrganizationsIsRefused() {
    BloomApi both =
        Fixtures.as(
            Fixtures.partnerStaffToken(List.of(partner.slug(), otherPartner.slug()), "cashier"));
    JsonNode refused =
        problem(failing(() -> both.purchases().lookupMember(member.passport())), 403);
    assertEquals(
        "https://bloom.club/problems/ambiguous-organization", refused.get("type").asText());
  }

  @Test
  void partnerRolesWithoutAnOrganizationGrantNothing() throws Exception {
    // A platform-realm user with partner roles but no organization is nobody's staff.
    BloomApi stray = Fixtures.as(Fixtures.partnerStaffToken(List.of(), "partner-owner"));
    problem(
        failing(
            () ->
                stray
                    .purchases()
                    .postPurchase(key(), purchase(member.passport(), "100.00", "florist"))),
        403);
    problem(failing(() -> stray.platform().listTenants(null, null, null, null, null)), 403);
  }

  @Test
  void aSuspendedPartnersStaffLoginsAreRefused() throws ApiException {
    PartnerFixture shop = club.partner("spa");
    BloomApi cashier = shop.staff("cashier");
    cashier.purchases().lookupMember(member.passport());
    Fixtures.operator()
        .platform()
        .suspendTenant("partners", shop.slug(), new Suspension().reason("Unpaid invoice"));
    try {
      JsonNode refused =
          problem(failing(() -> cashier.purchases().lookupMember(member.passport())), 403);
      assertEquals("https://bloom.club/problems/tenant-suspended", refused.get("type").asText());
    } finally {
      Fixtures.operator().platform().resumeTenant("partners", shop.slug());
    }
    cashier.purchases().lookupMember(member.passport());
  }

  @Test
  void theDemoCashierOfFloraStudioLooksAnnaUp() throws Exception {
    String passport =
        java.nio.file.Files.readString(
                java.nio.file.Path.of(System.getProperty("bloom.build.dir", "target"))
                    .resolve("devstack/demo-passport.txt"))
            .strip();
    String realm = Fixtures.STACK.platformRealm();
    Fixtures.KEYCLOAK.ensureDirectGrantClient(realm, Fixtures.TEST_CLIENT);
    BloomApi cashier =
        Fixtures.as(
            Fixtures.KEYCLOAK.passwordGrant(
                realm,
                Fixtures.TEST_CLIENT,
                "kassa@flora.demo",
                "bloom-kassa-demo-2026",
                "openid organization"));
    assertEquals("bloom-care", cashier.purchases().lookupMember(passport).getClub());
  }

  @Test
  void thePortalsLoginsCarryTheOrganizationClaim() {
    String realm = Fixtures.STACK.platformRealm();
    JsonObject portal = Fixtures.KEYCLOAK.findClient(realm, "bloom-portal").orElseThrow();
    boolean organizationIsDefault =
        Fixtures.KEYCLOAK
            .adminGet(
                "/admin/realms/"
                    + realm
                    + "/clients/"
                    + portal.getString("id")
                    + "/default-client-scopes")
            .asJsonArray()
            .getValuesAs(JsonObject.class)
            .stream()
            .anyMatch(s -> "organization".equals(s.getString("name", "")));
    assertTrue(organizationIsDefault, "bloom-portal tokens must carry the organization claim");
  }
}
