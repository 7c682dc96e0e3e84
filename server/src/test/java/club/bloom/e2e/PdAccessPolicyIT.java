package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.ApiKeyRequest.ScopesEnum;
import club.bloom.client.model.EnrolledMember;
import club.bloom.client.model.MemberCard;
import club.bloom.client.model.MemberEnrolment;
import club.bloom.client.model.PdAccessPolicy;
import club.bloom.client.model.PdAccessRule;
import club.bloom.client.model.PdAccessRule.RoleEnum;
import club.bloom.client.model.PersonalFields;
import club.bloom.client.model.Visibility;
import club.bloom.devstack.BloomApi;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The club's PD-access policy decides, per role, which personal fields a reader sees: a cashier's
 * key cannot obtain a hidden field through any endpoint it can call, and the club admin's changes
 * apply to the very next read.
 */
class PdAccessPolicyIT {
  private static final String FIRST = "Ксения";
  private static final String LAST = "Скрытова";
  private static final LocalDate BIRTHDAY = LocalDate.of(1991, 5, 17);

  private record Enrolled(EnrolledMember member, String phone, String email) {}

  private static Enrolled enrol(ClubFixture club) throws ApiException {
    String email = Fixtures.unique("hidden") + "@policy.test";
    String phone = "+7915" + String.format("%07d", (int) (Math.random() * 10_000_000));
    EnrolledMember m =
        Fixtures.operator()
            .clubs()
            .enrolMember(
                club.slug(),
                key(),
                new MemberEnrolment()
                    .firstName(FIRST)
                    .lastName(LAST)
                    .phone(phone)
                    .email(email)
                    .birthday(BIRTHDAY));
    return new Enrolled(m, phone, email);
  }

  private static PdAccessRule rule(
      RoleEnum role,
      Visibility first,
      Visibility last,
      Visibility phone,
      Visibility email,
      Visibility birthday) {
    return new PdAccessRule()
        .role(role)
        .firstName(first)
        .lastName(last)
        .phone(phone)
        .email(email)
        .birthday(birthday);
  }

  private static String masked(String phone) {
    return phone.substring(0, 2)
        + "*".repeat(phone.length() - 6)
        + phone.substring(phone.length() - 4);
  }

  /** Every answer a cashier's key gets from the endpoints it can call, raw. */
  private static List<String> everythingTheCashierCanRead(
      PartnerFixture cashier, ClubFixture club, Enrolled m) {
    String passport = m.member().getPassportCode();
    var posted =
        Fixtures.http(
            "POST", "/purchases", cashier.apiKey(), purchase(passport, "300.00", "florist"));
    assertEquals(201, posted.statusCode(), posted.body());
    List<String> bodies =
        new java.util.ArrayList<>(
            List.of(
                Fixtures.http(
                        "GET", "/members/lookup?passportCode=" + passport, cashier.apiKey(), null)
                    .body(),
                posted.body(),
                Fixtures.http("GET", "/purchases?limit=100", cashier.apiKey(), null).body()));
    for (String path :
        List.of(
            "/clubs/" + club.slug() + "/members/" + m.member().getMemberId(),
            "/clubs/" + club.slug() + "/pd-access-policy",
            "/me")) {
      var refused = Fixtures.http("GET", path, cashier.apiKey(), null);
      assertTrue(
          refused.statusCode() == 403 || refused.statusCode() == 404,
          path + " answered " + refused.statusCode());
      bodies.add(refused.body());
    }
    return bodies;
  }

  private static void assertNoneContains(List<String> bodies, String... secrets) {
    for (String body : bodies) {
      for (String secret : secrets) {
        assertFalse(body.contains(secret), "'" + secret + "' in " + body);
      }
    }
  }

  @Test
  void aCashierKeySeesOnlyWhatThePolicyAllowsAndTheAdminsChangesApplyAtOnce() throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture cashier =
        club.partner(
            List.of(
                ScopesEnum.PURCHASES_WRITE, ScopesEnum.PURCHASES_READ, ScopesEnum.MEMBERS_LOOKUP),
            "florist");
    Enrolled m = enrol(club);
    String passport = m.member().getPassportCode();
    String phoneDigits = m.phone().substring(1);

    // Bloom's default: the first name and a masked phone.
    MemberCard card = cashier.api().purchases().lookupMember(passport);
    assertEquals(FIRST, card.getPersonal().getFirstName());
    assertEquals(masked(m.phone()), card.getPersonal().getPhone());
    assertNull(card.getPersonal().getLastName());
    assertNull(card.getPersonal().getEmail());
    assertNull(card.getPersonal().getBirthday());
    assertEquals(passport, card.getPassportCode());
    assertNoneContains(
        everythingTheCashierCanRead(cashier, club, m), LAST, phoneDigits, m.email(), "1991-05-17");
    MemberCard afterPurchases = cashier.api().purchases().lookupMember(passport);
    assertEquals("insider", afterPurchases.getTier().getCode());
    assertEquals(15L, afterPurchases.getPointsBalance(), "5 % of 300 ₽, usable at the counter");
    assertFalse(afterPurchases.getInnerCircle());

    // The club admin widens the cashier's view: it applies to the next lookup.
    BloomApi admin = club.admin();
    admin
        .clubs()
        .setPdAccessPolicy(
            club.slug(),
            new PdAccessPolicy()
                .roles(
                    List.of(
                        rule(
                            RoleEnum.CASHIER,
                            Visibility.FULL,
                            Visibility.FULL,
                            Visibility.MASKED,
                            Visibility.MASKED,
                            Visibility.FULL))));
    PersonalFields wide = cashier.api().purchases().lookupMember(passport).getPersonal();
    assertEquals(LAST, wide.getLastName());
    assertEquals("1991-05-17", wide.getBirthday());
    assertTrue(wide.getEmail().startsWith("h***@p***.test"), wide.getEmail());
    assertEquals(masked(m.phone()), wide.getPhone());

    // … and narrows it to nothing: hidden again, through every endpoint.
    admin
        .clubs()
        .setPdAccessPolicy(
            club.slug(),
            new PdAccessPolicy()
                .roles(
                    List.of(
                        rule(
                            RoleEnum.CASHIER,
                            Visibility.NONE,
                            Visibility.NONE,
                            Visibility.NONE,
                            Visibility.NONE,
                            Visibility.NONE))));
    PersonalFields none = cashier.api().purchases().lookupMember(passport).getPersonal();
    assertEquals(new PersonalFields(), none);
    assertNoneContains(
        everythingTheCashierCanRead(cashier, club, m),
        FIRST,
        LAST,
        phoneDigits,
        m.phone().substring(m.phone().length() - 4) + "\"",
        m.email(),
        "05-17");

    PdAccessPolicy stored = admin.clubs().getPdAccessPolicy(club.slug());
    assertEquals(5, stored.getRoles().size(), "every role is listed");
    PdAccessRule cashierRule =
        stored.getRoles().stream().filter(r -> r.getRole() == RoleEnum.CASHIER).findFirst().get();
    assertEquals(Visibility.NONE, cashierRule.getFirstName());
  }

  @Test
  void clubStaffReadMembersUnderThePolicyOfTheirRole() throws Exception {
    ClubFixture club = Fixtures.club();
    Enrolled m = enrol(club);
    var id = m.member().getMemberId();

    PersonalFields owner = club.admin().clubs().getClubMember(club.slug(), id).getPersonal();
    assertEquals(LAST, owner.getLastName());
    assertEquals(m.phone(), owner.getPhone());
    assertEquals(m.email(), owner.getEmail());

    BloomApi analyst = club.staff("club-analyst");
    PersonalFields seen = analyst.clubs().getClubMember(club.slug(), id).getPersonal();
    assertEquals(FIRST, seen.getFirstName());
    assertEquals("С.", seen.getLastName());
    assertEquals("--05-17", seen.getBirthday());
    assertNull(seen.getPhone());
    assertNull(seen.getEmail());

    club.admin()
        .clubs()
        .setPdAccessPolicy(
            club.slug(),
            new PdAccessPolicy()
                .roles(
                    List.of(
                        rule(
                            RoleEnum.CLUB_ANALYST,
                            Visibility.NONE,
                            Visibility.NONE,
                            Visibility.NONE,
                            Visibility.NONE,
                            Visibility.NONE))));
    assertEquals(
        new PersonalFields(), analyst.clubs().getClubMember(club.slug(), id).getPersonal());
    // An analyst reads members but does not set the policy.
    problem(failing(() -> analyst.clubs().getPdAccessPolicy(club.slug())), 403);

    MemberCard operator = Fixtures.operator().clubs().getClubMember(club.slug(), id);
    assertEquals(new PersonalFields(), operator.getPersonal(), "operators see no personal field");
    assertEquals(m.member().getPassportCode(), operator.getPassportCode());
  }

  @Test
  void thePolicyIsCheckedFieldByField() throws Exception {
    ClubFixture club = Fixtures.club();
    var raw =
        Fixtures.http(
            "PUT",
            "/clubs/" + club.slug() + "/pd-access-policy",
            adminToken(club),
            Map.of(
                "roles",
                List.of(
                    Map.of("role", "janitor", "firstName", "full"),
                    Map.of(
                        "role", "cashier",
                        "firstName", "all",
                        "lastName", "none",
                        "phone", "none",
                        "email", "none",
                        "birthday", "none"))));
    assertEquals(400, raw.statusCode(), raw.body());
    List<String> fields = Fixtures.fields(Fixtures.JSON.readTree(raw.body()));
    assertTrue(fields.contains("roles[0].role"), fields.toString());
    assertTrue(fields.contains("roles[0].lastName"), fields.toString());
    assertTrue(fields.contains("roles[1].firstName"), fields.toString());
  }

  private static String adminToken(ClubFixture club) {
    return Fixtures.KEYCLOAK.passwordGrant(
        club.realm(),
        Fixtures.TEST_CLIENT,
        "admin@" + club.slug() + ".test",
        "admin-" + club.slug());
  }

  @Test
  void anotherClubsStaffAndPartnersReachNeitherThePolicyNorTheMembers() throws Exception {
    ClubFixture club = Fixtures.club();
    ClubFixture other = Fixtures.club();
    Enrolled m = enrol(club);
    BloomApi otherAdmin = other.admin();
    problem(failing(() -> otherAdmin.clubs().getPdAccessPolicy(club.slug())), 404);
    problem(
        failing(
            () ->
                otherAdmin
                    .clubs()
                    .setPdAccessPolicy(
                        club.slug(),
                        new PdAccessPolicy()
                            .roles(
                                List.of(
                                    rule(
                                        RoleEnum.CASHIER,
                                        Visibility.FULL,
                                        Visibility.FULL,
                                        Visibility.FULL,
                                        Visibility.FULL,
                                        Visibility.FULL))))),
        404);
    problem(
        failing(() -> otherAdmin.clubs().getClubMember(club.slug(), m.member().getMemberId())),
        404);
    problem(
        failing(() -> otherAdmin.clubs().getClubMember(other.slug(), m.member().getMemberId())),
        404);
    assertEquals(
        Visibility.NONE,
        club.admin().clubs().getPdAccessPolicy(club.slug()).getRoles().stream()
            .filter(r -> r.getRole() == RoleEnum.CASHIER)
            .findFirst()
            .get()
            .getLastName(),
        "unchanged");

    PartnerFixture stranger = other.partner(List.of(ScopesEnum.MEMBERS_LOOKUP), "florist");
    problem(
        failing(() -> stranger.api().purchases().lookupMember(m.member().getPassportCode())), 404);
    PartnerFixture noScope = club.partner("florist");
    problem(
        failing(() -> noScope.api().purchases().lookupMember(m.member().getPassportCode())), 403);
  }
}
