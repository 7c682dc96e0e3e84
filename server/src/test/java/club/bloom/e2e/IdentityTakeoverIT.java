package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.KEYCLOAK;
import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.ConsentKind;
import club.bloom.client.model.ConsentPublication;
import club.bloom.client.model.EnrolledMember;
import club.bloom.client.model.MemberEnrolment;
import club.bloom.client.model.MemberStatus;
import club.bloom.client.model.RegistrationClaim;
import club.bloom.client.model.StaffInvitationAcceptance;
import club.bloom.client.model.StaffInvitationRequest;
import club.bloom.client.model.StaffMember;
import club.bloom.client.model.StaffRole;
import club.bloom.devstack.BloomApi;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Account takeover by pre-registration (issue 9, items 1 and 2), against the real stack with real
 * mail: a stranger who registers the victim's address in the club's realm first gets neither her
 * membership (her passport, points, a code to spend them) nor the club-admin role she is invited
 * to; the legitimate paths — a new address enrolled, an address with an existing verified login
 * enrolled, an existing login invited to the staff — still work end to end. And a staff conflict
 * leaves no address in the server's logs (item 13).
 */
class IdentityTakeoverIT {
  private static final Pattern CLAIM_LINK =
      Pattern.compile("(http\\S+/#/c/[a-z0-9-]+/confirm/([A-Za-z0-9_-]{43}))");
  private static final Pattern STAFF_LINK =
      Pattern.compile("(http\\S+/#/[cp]/[a-z0-9-]+/staff-invitation/([A-Za-z0-9_-]{43}))");
  private static final Pattern ACTION_LINK =
      Pattern.compile("(http://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+)");
  private static final SecureRandom RANDOM = new SecureRandom();

  private static String phone() {
    return "+7999" + String.format("%07d", RANDOM.nextInt(10_000_000));
  }

  private static MemberEnrolment enrolment(String email) {
    return new MemberEnrolment().firstName("Вера").lastName("Жертвова").phone(phone()).email(email);
  }

  private static String type(JsonNode problem) {
    String type = problem.get("type").asText();
    return type.substring(type.lastIndexOf('/') + 1);
  }

  private static String tokenOf(Pattern link, Mailbox.Mail mail) {
    Matcher m = link.matcher(mail.text());
    assertTrue(m.find(), mail.text());
    return m.group(2);
  }

  @Test
  void aStrangerWhoRegisteredTheVictimsAddressFirstGetsNeitherHerMembershipNorHerPoints()
      throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture shop = club.partner("florist");
    String victim = Fixtures.unique("vera") + "@victims.test";
    // The attacker registers the victim's address with his own password, unverified: he cannot
    // open the link Keycloak mails to her. His session (from before the fix) still issues tokens.
    String attackerId =
        Fixtures.registeredLogin(club.realm(), victim, "attacker-password-1", false);
    String attacker = Fixtures.unverifiedToken(club.realm(), victim, "attacker-password-1");
    // Now that the realm verifies addresses, Keycloak gives him no new token at all.
    assertThrows(
        IllegalStateException.class,
        () ->
            KEYCLOAK.passwordGrant(
                club.realm(), Fixtures.TEST_CLIENT, victim, "attacker-password-1"));

    // Staff enrol the victim: her address had a login Bloom did not make, so it is not bound.
    EnrolledMember enrolled =
        club.admin().clubs().enrolMember(club.slug(), key(), enrolment(victim));
    assertEquals(EnrolledMember.StatusEnum.AWAITING_CONFIRMATION, enrolled.getStatus());
    shop.api()
        .purchases()
        .postPurchase(key(), purchase(enrolled.getPassportCode(), "8000.00", "florist"));

    BloomApi asAttacker = Fixtures.as(attacker);
    JsonNode me = problem(failing(() -> asAttacker.member().getMyCabinet()), 403);
    assertEquals("email-not-verified", type(me));
    JsonNode code = problem(failing(() -> asAttacker.member().requestRedemptionCode(null)), 403);
    assertEquals("email-not-verified", type(code));
    problem(failing(() -> asAttacker.member().listMyPurchases(10, null)), 403);

    // The claim link went to the victim's mailbox; even holding it, his login gets nothing.
    String token =
        tokenOf(CLAIM_LINK, Mailbox.of(victim).awaitMail(m -> CLAIM_LINK.matcher(m.text()).find()));
    JsonNode claim =
        problem(
            failing(
                () ->
                    asAttacker
                        .member()
                        .claimCounterRegistration(new RegistrationClaim().token(token))),
            403);
    assertEquals("email-not-verified", type(claim));
    assertEquals(
        MemberStatus.AWAITING_CONFIRMATION,
        club.admin().clubs().getClubMember(club.slug(), enrolled.getMemberId()).getStatus());
    assertFalse(Fixtures.realmRolesOf(club.realm(), attackerId).contains("club-admin"));
  }

  @Test
  void aMemberEnrolledWhileHerAddressHadAVerifiedLoginClaimsTheMailedLinkAndSeesHerCabinet()
      throws Exception {
    ClubFixture club = Fixtures.club();
    club.admin()
        .clubs()
        .publishConsentDocument(
            club.slug(), new ConsentPublication().kind(ConsentKind.TERMS).text("Правила, ред. 1"));
    PartnerFixture shop = club.partner("florist");
    String email = Fixtures.unique("anna") + "@members.test";
    Fixtures.registeredLogin(club.realm(), email, "her-password-1", true);
    BloomApi her =
        Fixtures.as(
            KEYCLOAK.passwordGrant(club.realm(), Fixtures.TEST_CLIENT, email, "her-password-1"));

    EnrolledMember enrolled =
        club.admin().clubs().enrolMember(club.slug(), key(), enrolment(email));
    assertEquals(EnrolledMember.StatusEnum.AWAITING_CONFIRMATION, enrolled.getStatus());
    shop.api()
        .purchases()
        .postPurchase(key(), purchase(enrolled.getPassportCode(), "6000.00", "florist"));
    // Not hers until she claims the link mailed to her address.
    assertEquals("no-membership", type(problem(failing(() -> her.member().getMyCabinet()), 404)));
    String token =
        tokenOf(CLAIM_LINK, Mailbox.of(email).awaitMail(m -> CLAIM_LINK.matcher(m.text()).find()));

    // Another verified login of the club holding her link is refused: it was sent to her address.
    String other = Fixtures.unique("other") + "@members.test";
    Fixtures.registeredLogin(club.realm(), other, "other-password-1", true);
    BloomApi someoneElse =
        Fixtures.as(
            KEYCLOAK.passwordGrant(club.realm(), Fixtures.TEST_CLIENT, other, "other-password-1"));
    JsonNode refused =
        problem(
            failing(
                () ->
                    someoneElse
                        .member()
                        .claimCounterRegistration(
                            new RegistrationClaim().token(token).termsVersion(1))),
            403);
    assertEquals("registration-link-other-address", type(refused));

    var claimed =
        her.member().claimCounterRegistration(new RegistrationClaim().token(token).termsVersion(1));
    assertEquals(enrolled.getMemberId(), claimed.getMemberId());
    var cabinet = her.member().getMyCabinet();
    assertEquals(enrolled.getPassportCode(), cabinet.getPassportCode());
    assertEquals("Вера", cabinet.getFirstName());
    assertEquals(300, cabinet.getPointsBalance());
    assertEquals(
        MemberStatus.ACTIVE,
        club.admin().clubs().getClubMember(club.slug(), enrolled.getMemberId()).getStatus());
  }

  @Test
  void aNewAddressEnrolledByStaffGetsASetPasswordMailAndSeesHerCabinet() throws Exception {
    ClubFixture club = Fixtures.club();
    String email = Fixtures.unique("new") + "@members.test";
    EnrolledMember enrolled =
        club.admin().clubs().enrolMember(club.slug(), key(), enrolment(email));
    assertEquals(EnrolledMember.StatusEnum.ACTIVE, enrolled.getStatus());
    Mailbox.Mail mail = Mailbox.of(email).awaitMail(m -> ACTION_LINK.matcher(m.text()).find());
    Matcher link = ACTION_LINK.matcher(mail.text());
    assertTrue(link.find());
    SignUpIT.setPasswordThroughKeycloak(link.group(1).replace("&amp;", "&"), "Her-own-pass-2026!");
    BloomApi her =
        Fixtures.as(
            KEYCLOAK.passwordGrant(
                club.realm(), Fixtures.TEST_CLIENT, email, "Her-own-pass-2026!"));
    var cabinet = her.member().getMyCabinet();
    assertEquals(enrolled.getPassportCode(), cabinet.getPassportCode());
    assertEquals(enrolled.getMemberId(), cabinet.getMemberId());
  }

  @Test
  void aStrangerWhoRegisteredAnInviteesAddressGetsNoClubAdminRights() throws Exception {
    ClubFixture club = Fixtures.club();
    String invitee = Fixtures.unique("admin") + "@staff.test";
    String attackerId =
        Fixtures.registeredLogin(club.realm(), invitee, "attacker-password-2", false);
    String attacker = Fixtures.unverifiedToken(club.realm(), invitee, "attacker-password-2");
    var member = club.member(); // a member whose personal data a club admin could read

    StaffMember invited =
        club.admin()
            .staff()
            .inviteClubStaff(
                club.slug(),
                new StaffInvitationRequest().email(invitee).role(StaffRole.CLUB_ADMIN));
    assertEquals(StaffMember.StatusEnum.PENDING, invited.getStatus());
    assertEquals(attackerId, invited.getId());
    // Nothing granted: not in Keycloak, not in his tokens.
    assertFalse(Fixtures.realmRolesOf(club.realm(), attackerId).contains("club-admin"));
    BloomApi asAttacker = Fixtures.as(attacker);
    assertEquals(
        "email-not-verified",
        type(
            problem(
                failing(() -> asAttacker.clubs().getClubMember(club.slug(), member.id())), 403)));
    assertEquals(
        "email-not-verified",
        type(problem(failing(() -> asAttacker.access().listClubApiKeys(club.slug())), 403)));
    // The invitation went to the invitee's mailbox; with it, his login still gets nothing.
    String token =
        tokenOf(
            STAFF_LINK, Mailbox.of(invitee).awaitMail(m -> STAFF_LINK.matcher(m.text()).find()));
    assertEquals(
        "email-not-verified",
        type(
            problem(
                failing(
                    () ->
                        asAttacker
                            .staff()
                            .acceptStaffInvitation(new StaffInvitationAcceptance().token(token))),
                403)));
    assertFalse(Fixtures.realmRolesOf(club.realm(), attackerId).contains("club-admin"));
  }

  @Test
  void anExistingLoginInvitedToTheStaffAcceptsTheMailedInvitationAndTheRoleWorks()
      throws Exception {
    ClubFixture club = Fixtures.club();
    Fixtures.override("clubs", club.slug(), "staffSeats", 2); // the owner and one more
    var member = club.member(); // her login exists (a member of the club)
    BloomApi owner = club.admin();
    StaffMember pending =
        owner
            .staff()
            .inviteClubStaff(
                club.slug(),
                new StaffInvitationRequest().email(member.email()).role(StaffRole.CLUB_ANALYST));
    assertEquals(StaffMember.StatusEnum.PENDING, pending.getStatus());
    assertEquals(List.of(StaffRole.CLUB_ANALYST), pending.getRoles());
    assertTrue(
        owner.staff().listClubStaff(club.slug()).stream()
            .anyMatch(
                m ->
                    m.getId().equals(pending.getId())
                        && m.getStatus() == StaffMember.StatusEnum.PENDING));
    // The pending invitation holds the second seat.
    JsonNode full =
        problem(
            failing(
                () ->
                    owner
                        .staff()
                        .inviteClubStaff(
                            club.slug(),
                            new StaffInvitationRequest()
                                .email(Fixtures.unique("third") + "@staff.test")
                                .role(StaffRole.CLUB_ANALYST))),
            402);
    assertEquals("quota-exceeded", type(full));
    // Until she accepts, her login reads no staff data.
    problem(failing(() -> member.api().clubs().listCategories(club.slug())), 403);

    String token =
        tokenOf(
            STAFF_LINK,
            Mailbox.of(member.email()).awaitMail(m -> STAFF_LINK.matcher(m.text()).find()));
    // Another verified login of the realm holding her link is refused.
    String other = Fixtures.unique("other") + "@staff.test";
    Fixtures.registeredLogin(club.realm(), other, "other-password-2", true);
    BloomApi someoneElse =
        Fixtures.as(
            KEYCLOAK.passwordGrant(club.realm(), Fixtures.TEST_CLIENT, other, "other-password-2"));
    assertEquals(
        "staff-invitation-other-login",
        type(
            problem(
                failing(
                    () ->
                        someoneElse
                            .staff()
                            .acceptStaffInvitation(new StaffInvitationAcceptance().token(token))),
                403)));
    // Another club's login: the invitation does not exist there.
    ClubFixture otherClub = Fixtures.club();
    var stranger = otherClub.member();
    problem(
        failing(
            () ->
                stranger
                    .api()
                    .staff()
                    .acceptStaffInvitation(new StaffInvitationAcceptance().token(token))),
        404);

    var accepted =
        member.api().staff().acceptStaffInvitation(new StaffInvitationAcceptance().token(token));
    assertEquals(StaffRole.CLUB_ANALYST, accepted.getRole());
    assertEquals(club.slug(), accepted.getTenant());
    // Accepting again changes nothing.
    member.api().staff().acceptStaffInvitation(new StaffInvitationAcceptance().token(token));
    // Her next token carries the role: an analyst reads the configuration.
    assertEquals(6, member.api().clubs().listCategories(club.slug()).size());
    assertTrue(
        owner.staff().listClubStaff(club.slug()).stream()
            .anyMatch(
                m ->
                    m.getId().equals(pending.getId())
                        && m.getStatus() == StaffMember.StatusEnum.ACTIVE));
  }

  @Test
  void anExistingPlatformLoginInvitedByAPartnerBecomesItsCashierOnlyOnceItAccepts()
      throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture shop = club.partner("florist");
    String realm = Fixtures.STACK.platformRealm();
    KEYCLOAK.ensureDirectGrantClient(realm, Fixtures.TEST_CLIENT);
    String email = Fixtures.unique("kassa") + "@partners.test";
    String id = Fixtures.registeredLogin(realm, email, "kassa-password-2026", true);
    StaffMember pending =
        Fixtures.operator()
            .staff()
            .invitePartnerStaff(
                shop.slug(), new StaffInvitationRequest().email(email).role(StaffRole.CASHIER));
    assertEquals(StaffMember.StatusEnum.PENDING, pending.getStatus());
    assertFalse(Fixtures.realmRolesOf(realm, id).contains("cashier"));
    String token =
        tokenOf(STAFF_LINK, Mailbox.of(email).awaitMail(m -> STAFF_LINK.matcher(m.text()).find()));
    BloomApi login =
        Fixtures.as(
            KEYCLOAK.passwordGrant(
                realm, Fixtures.TEST_CLIENT, email, "kassa-password-2026", "openid organization"));
    var accepted =
        login.staff().acceptStaffInvitation(new StaffInvitationAcceptance().token(token));
    assertEquals(StaffRole.CASHIER, accepted.getRole());
    assertTrue(Fixtures.realmRolesOf(realm, id).contains("cashier"));
    // Her next token names the partner and the role: she records a purchase at the counter.
    var member = club.member();
    BloomApi cashier =
        Fixtures.as(
            KEYCLOAK.passwordGrant(
                realm, Fixtures.TEST_CLIENT, email, "kassa-password-2026", "openid organization"));
    var receipt =
        cashier.purchases().postPurchase(key(), purchase(member.passport(), "1000.00", "florist"));
    assertEquals(50, receipt.getPointsEarned());
  }

  @Test
  void aStaffConflictLeavesNoAddressInTheServersLogs() throws Exception {
    ClubFixture club = Fixtures.club();
    String email = Fixtures.unique("twice") + "@staff.test";
    BloomApi owner = club.admin();
    owner
        .staff()
        .inviteClubStaff(
            club.slug(), new StaffInvitationRequest().email(email).role(StaffRole.CLUB_ANALYST));
    ApiException again =
        failing(
            () ->
                owner
                    .staff()
                    .inviteClubStaff(
                        club.slug(),
                        new StaffInvitationRequest().email(email).role(StaffRole.CLUB_ADMIN)));
    JsonNode conflict = problem(again, 409);
    assertEquals("already-staff", type(conflict));
    assertFalse(conflict.toString().contains(email), "the caller knows the address it sent");
    // Liberty writes an incident (FFDC) for an exception leaving a transaction, with a line in
    // messages.log: neither may carry the address.
    Path logs = libertyLogs();
    Thread.sleep(1500); // the incident is written after the answer
    try (Stream<Path> files = Files.walk(logs)) {
      List<Path> leaking =
          files.filter(Files::isRegularFile).filter(f -> contains(f, email)).toList();
      assertEquals(List.of(), leaking, "files under " + logs + " holding the address");
    }
    assertTrue(Files.isRegularFile(logs.resolve("messages.log")), "no messages.log in " + logs);
    assertNotEquals(0, Files.size(logs.resolve("messages.log")));
  }

  private static Path libertyLogs() {
    Path build = Path.of(System.getProperty("bloom.build.dir", "target"));
    return build.resolve("liberty/wlp/usr/servers/bloom/logs").toAbsolutePath();
  }

  private static boolean contains(Path file, String text) {
    try {
      return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
          .contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
