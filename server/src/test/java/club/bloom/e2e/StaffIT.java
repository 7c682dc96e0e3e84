package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.Category;
import club.bloom.client.model.StaffInvitationRequest;
import club.bloom.client.model.StaffMember;
import club.bloom.client.model.StaffRole;
import club.bloom.client.model.StaffRoleChange;
import club.bloom.devstack.BloomApi;
import club.bloom.e2e.Fixtures.ClubFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A club's staff against the real stack: an analyst invited by e-mail sets a password from
 * Keycloak's real mail and logs in; roles change and are removed; the last owner stays; seats are
 * counted against the plan; other clubs see nothing.
 */
class StaffIT {
  private static final Pattern ACTION_LINK =
      Pattern.compile("(http://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+)");

  private static StaffInvitationRequest invitation(String email, StaffRole role) {
    return new StaffInvitationRequest().email(email).role(role);
  }

  private static BloomApi login(ClubFixture club, String email, String password) {
    return Fixtures.as(
        Fixtures.KEYCLOAK.passwordGrant(club.realm(), Fixtures.TEST_CLIENT, email, password));
  }

  private static StaffMember listed(BloomApi api, ClubFixture club, String id) throws ApiException {
    return api.staff().listClubStaff(club.slug()).stream()
        .filter(m -> m.getId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError(id + " not listed"));
  }

  private static List<Category> categories() {
    return List.of(new Category().code("florist").name("Цветы"));
  }

  @Test
  void anInvitedAnalystSetsAPasswordReadsButCannotWriteIsPromotedAndRemoved() throws Exception {
    ClubFixture club = Fixtures.club();
    BloomApi owner = club.admin();
    String email = Fixtures.unique("analyst") + "@staff.test";

    StaffMember invited =
        owner.staff().inviteClubStaff(club.slug(), invitation(email, StaffRole.CLUB_ANALYST));
    assertEquals(email, invited.getEmail());
    assertEquals(List.of(StaffRole.CLUB_ANALYST), invited.getRoles());
    assertEquals(StaffMember.StatusEnum.INVITED, invited.getStatus());
    assertEquals("admin@" + club.slug() + ".test", invited.getInvitedBy());
    assertNotNull(invited.getInvitedAt());
    JsonNode again =
        problem(
            failing(
                () ->
                    owner
                        .staff()
                        .inviteClubStaff(club.slug(), invitation(email, StaffRole.CLUB_ADMIN))),
            409);
    assertTrue(again.get("type").asText().endsWith("/already-staff"), again::toString);

    // Keycloak mails the set-password link; with it, the analyst logs in.
    Mailbox.Mail mail = Mailbox.of(email).awaitMail(m -> ACTION_LINK.matcher(m.text()).find());
    Matcher link = ACTION_LINK.matcher(mail.text());
    assertTrue(link.find());
    SignUpIT.setPasswordThroughKeycloak(link.group(1).replace("&amp;", "&"), "Analyst-pass-2026!");
    BloomApi analyst = login(club, email, "Analyst-pass-2026!");
    assertEquals(StaffMember.StatusEnum.ACTIVE, listed(owner, club, invited.getId()).getStatus());

    // An analyst reads the configuration but does not change it, nor manage staff.
    assertEquals(6, analyst.clubs().listCategories(club.slug()).size());
    assertNotNull(analyst.clubs().listTiers(club.slug()));
    problem(failing(() -> analyst.clubs().defineCategories(club.slug(), categories())), 403);
    problem(failing(() -> analyst.staff().listClubStaff(club.slug())), 403);

    // Promoted to admin: the next token writes.
    StaffMember promoted =
        owner
            .staff()
            .changeClubStaffRole(
                club.slug(), invited.getId(), new StaffRoleChange().role(StaffRole.CLUB_ADMIN));
    assertEquals(List.of(StaffRole.CLUB_ADMIN), promoted.getRoles());
    BloomApi admin = login(club, email, "Analyst-pass-2026!");
    assertEquals(1, admin.clubs().defineCategories(club.slug(), categories()).size());

    // An admin who is not an owner grants no ownership and takes none.
    StaffMember ownerMember =
        owner.staff().listClubStaff(club.slug()).stream()
            .filter(m -> m.getRoles().contains(StaffRole.CLUB_OWNER))
            .findFirst()
            .orElseThrow();
    problem(
        failing(
            () ->
                admin
                    .staff()
                    .inviteClubStaff(
                        club.slug(),
                        invitation(Fixtures.unique("o") + "@staff.test", StaffRole.CLUB_OWNER))),
        403);
    problem(
        failing(
            () ->
                admin
                    .staff()
                    .changeClubStaffRole(
                        club.slug(),
                        ownerMember.getId(),
                        new StaffRoleChange().role(StaffRole.CLUB_ADMIN))),
        403);

    // The last owner can be neither demoted nor removed.
    JsonNode demote =
        problem(
            failing(
                () ->
                    owner
                        .staff()
                        .changeClubStaffRole(
                            club.slug(),
                            ownerMember.getId(),
                            new StaffRoleChange().role(StaffRole.CLUB_ADMIN))),
            409);
    assertTrue(demote.get("type").asText().endsWith("/last-owner"), demote::toString);
    JsonNode removeOwner =
        problem(
            failing(() -> owner.staff().removeClubStaff(club.slug(), ownerMember.getId())), 409);
    assertTrue(removeOwner.get("type").asText().endsWith("/last-owner"), removeOwner::toString);

    // Removed: the next login no longer reaches the console (403), and the seat is free.
    owner.staff().removeClubStaff(club.slug(), invited.getId());
    BloomApi removed = login(club, email, "Analyst-pass-2026!");
    problem(failing(() -> removed.clubs().listCategories(club.slug())), 403);
    assertFalse(
        owner.staff().listClubStaff(club.slug()).stream()
            .anyMatch(m -> m.getId().equals(invited.getId())));
    problem(failing(() -> owner.staff().removeClubStaff(club.slug(), invited.getId())), 404);
  }

  @Test
  void staffBeyondThePlansSeatsIsRefusedAndOtherClubsSeeNothing() throws Exception {
    ClubFixture club = Fixtures.club();
    ClubFixture other = Fixtures.club();
    BloomApi owner = club.admin();
    Fixtures.override("clubs", club.slug(), "staffSeats", 2);

    // The owner holds one seat; one more fits.
    StaffMember second =
        owner
            .staff()
            .inviteClubStaff(
                club.slug(),
                invitation(Fixtures.unique("a") + "@staff.test", StaffRole.CLUB_ANALYST));
    String beyond = Fixtures.unique("b") + "@staff.test";
    JsonNode quota =
        problem(
            failing(
                () ->
                    owner
                        .staff()
                        .inviteClubStaff(club.slug(), invitation(beyond, StaffRole.CLUB_ANALYST))),
            402);
    assertTrue(quota.get("type").asText().endsWith("/quota-exceeded"), quota::toString);
    assertEquals("staffSeats", quota.get("limit").asText());
    assertEquals(2, quota.get("allowed").asLong());
    assertTrue(Fixtures.KEYCLOAK.findUser(club.realm(), beyond).isEmpty(), "nothing was created");
    assertEquals(2, owner.staff().listClubStaff(club.slug()).size());

    // Another club's admin: no such club for it, and this club's staff ids are not in its own.
    BloomApi intruder = other.admin();
    problem(failing(() -> intruder.staff().listClubStaff(club.slug())), 404);
    problem(
        failing(
            () ->
                intruder
                    .staff()
                    .inviteClubStaff(
                        club.slug(),
                        invitation(Fixtures.unique("x") + "@staff.test", StaffRole.CLUB_ADMIN))),
        404);
    problem(failing(() -> intruder.staff().removeClubStaff(club.slug(), second.getId())), 404);
    JsonNode foreign =
        problem(
            failing(
                () ->
                    intruder
                        .staff()
                        .changeClubStaffRole(
                            other.slug(),
                            second.getId(),
                            new StaffRoleChange().role(StaffRole.CLUB_ADMIN))),
            404);
    assertTrue(foreign.get("type").asText().endsWith("/unknown-staff"), foreign::toString);
    problem(failing(() -> intruder.staff().removeClubStaff(other.slug(), second.getId())), 404);
    // A partner's role is not a club's.
    JsonNode wrongRole =
        problem(
            failing(
                () ->
                    owner
                        .staff()
                        .changeClubStaffRole(
                            club.slug(),
                            second.getId(),
                            new StaffRoleChange().role(StaffRole.CASHIER))),
            400);
    assertEquals(List.of("role"), Fixtures.fields(wrongRole));
    assertEquals(List.of(StaffRole.CLUB_ANALYST), listed(owner, club, second.getId()).getRoles());
  }

  @Test
  void aPartnersInvitedCashierSellsAtTheCounterUntilRemoved() throws Exception {
    ClubFixture club = Fixtures.club();
    Fixtures.PartnerFixture partner = club.partner("florist");
    Fixtures.PartnerFixture other = club.partner("spa");
    Fixtures.MemberFixture member = club.member();
    BloomApi owner = partner.staff("partner-owner");
    String email = Fixtures.unique("cashier") + "@staff.test";
    String realm = Fixtures.STACK.platformRealm();

    StaffMember invited =
        owner.staff().invitePartnerStaff(partner.slug(), invitation(email, StaffRole.CASHIER));
    assertEquals(List.of(StaffRole.CASHIER), invited.getRoles());
    assertEquals(StaffMember.StatusEnum.INVITED, invited.getStatus());
    Mailbox.Mail mail = Mailbox.of(email).awaitMail(m -> ACTION_LINK.matcher(m.text()).find());
    Matcher link = ACTION_LINK.matcher(mail.text());
    assertTrue(link.find());
    SignUpIT.setPasswordThroughKeycloak(link.group(1).replace("&amp;", "&"), "Cashier-pass-2026!");
    Fixtures.KEYCLOAK.ensureDirectGrantClient(realm, Fixtures.TEST_CLIENT);
    java.util.function.Supplier<BloomApi> cashier =
        () ->
            Fixtures.as(
                Fixtures.KEYCLOAK.passwordGrant(
                    realm,
                    Fixtures.TEST_CLIENT,
                    email,
                    "Cashier-pass-2026!",
                    "openid organization"));

    // The cashier records a purchase at the counter, and manages no staff.
    cashier
        .get()
        .purchases()
        .postPurchase(Fixtures.key(), Fixtures.purchase(member.passport(), "1200.00", "florist"));
    problem(failing(() -> cashier.get().staff().listPartnerStaff(partner.slug())), 403);
    assertEquals(
        StaffMember.StatusEnum.ACTIVE,
        owner.staff().listPartnerStaff(partner.slug()).stream()
            .filter(m -> m.getId().equals(invited.getId()))
            .findFirst()
            .orElseThrow()
            .getStatus());

    // Another partner's staff: 404; this partner's cashier cannot be invited by another partner.
    BloomApi intruder = other.staff("partner-owner");
    problem(failing(() -> intruder.staff().listPartnerStaff(partner.slug())), 404);
    problem(failing(() -> intruder.staff().removePartnerStaff(other.slug(), invited.getId())), 404);
    JsonNode taken =
        problem(
            failing(
                () ->
                    intruder
                        .staff()
                        .invitePartnerStaff(other.slug(), invitation(email, StaffRole.CASHIER))),
            409);
    assertTrue(taken.get("type").asText().endsWith("/staff-of-another-partner"), taken::toString);

    // An analyst reads but sells nothing.
    owner
        .staff()
        .changePartnerStaffRole(
            partner.slug(), invited.getId(), new StaffRoleChange().role(StaffRole.PARTNER_ANALYST));
    problem(
        failing(
            () ->
                cashier
                    .get()
                    .purchases()
                    .postPurchase(
                        Fixtures.key(), Fixtures.purchase(member.passport(), "10.00", "florist"))),
        403);
    assertEquals(1, cashier.get().purchases().listPurchases(null, null).getItems().size());

    // Removed: the login names no partner any more.
    owner.staff().removePartnerStaff(partner.slug(), invited.getId());
    problem(failing(() -> cashier.get().purchases().listPurchases(null, null)), 403);

    // Seats: the partner holds its owner; one more seat only.
    Fixtures.override("partners", partner.slug(), "staffSeats", 2);
    owner
        .staff()
        .invitePartnerStaff(
            partner.slug(), invitation(Fixtures.unique("c") + "@staff.test", StaffRole.CASHIER));
    JsonNode quota =
        problem(
            failing(
                () ->
                    owner
                        .staff()
                        .invitePartnerStaff(
                            partner.slug(),
                            invitation(Fixtures.unique("d") + "@staff.test", StaffRole.CASHIER))),
            402);
    assertEquals("staffSeats", quota.get("limit").asText());
  }
}
