package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.KEYCLOAK;
import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiResponse;
import club.bloom.client.model.ApiKeyRequest.ScopesEnum;
import club.bloom.client.model.ConsentKind;
import club.bloom.client.model.ConsentPublication;
import club.bloom.client.model.ConsentRecord;
import club.bloom.client.model.CounterRegistration;
import club.bloom.client.model.CounterRegistrationResult;
import club.bloom.client.model.JoinRequestOnline;
import club.bloom.client.model.OnlineMembership;
import club.bloom.client.model.RegistrationClaim;
import club.bloom.devstack.BloomApi;
import club.bloom.e2e.Fixtures.ClubFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Joining a club online (issue 12's first section), through the API against the real stack: a
 * person who registered herself in the club's realm and verified her address becomes a member at
 * her first sign-in — passport, terms recorded with version and channel, marketing if she opted in;
 * joining again, or several times at once, makes one member; an unclaimed member with her address
 * gets her a claim link mailed instead of a second member; another member's phone is listed as a
 * likely duplicate; an unverified login gets nothing. The browser journey is {@link
 * JoiningOnlineBrowserIT}.
 */
class JoiningOnlineIT {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern CLAIM_LINK =
      Pattern.compile("(http\\S+/#/c/[a-z0-9-]+/confirm/([A-Za-z0-9_-]{43}))");

  private static String phone() {
    return "+7999" + String.format("%07d", RANDOM.nextInt(10_000_000));
  }

  private static String type(JsonNode problem) {
    String type = problem.get("type").asText();
    return type.substring(type.lastIndexOf('/') + 1);
  }

  private static ClubFixture clubWithTexts() throws Exception {
    ClubFixture club = Fixtures.club();
    club.admin()
        .clubs()
        .publishConsentDocument(
            club.slug(),
            new ConsentPublication().kind(ConsentKind.TERMS).text("Правила клуба, ред. 1"));
    club.admin()
        .clubs()
        .publishConsentDocument(
            club.slug(),
            new ConsentPublication().kind(ConsentKind.MARKETING).text("Рассылки, ред. 1"));
    return club;
  }

  /** A person registered in the club's realm, address verified; her API client. */
  private static BloomApi selfRegistered(ClubFixture club, String email) {
    Fixtures.registeredLogin(club.realm(), email, "pw-" + email, true);
    return Fixtures.as(
        KEYCLOAK.passwordGrant(club.realm(), Fixtures.TEST_CLIENT, email, "pw-" + email));
  }

  @Test
  void aSelfRegisteredVerifiedLoginBecomesAMemberWithAPassportAndHerConsentsRecorded()
      throws Exception {
    ClubFixture club = clubWithTexts();
    String email = Fixtures.unique("online") + "@join.test";
    BloomApi her = selfRegistered(club, email);
    assertEquals("no-membership", type(problem(failing(() -> her.member().getMyCabinet()), 404)));

    // The terms are required: without the version she read, nothing is made.
    JsonNode noTerms =
        problem(failing(() -> her.member().joinClub(new JoinRequestOnline().phone(phone()))), 400);
    assertEquals(List.of("termsVersion"), Fixtures.fields(noTerms));
    assertEquals("no-membership", type(problem(failing(() -> her.member().getMyCabinet()), 404)));

    String phone = phone();
    ApiResponse<OnlineMembership> joined =
        her.member()
            .joinClubWithHttpInfo(
                new JoinRequestOnline().phone(phone).termsVersion(1).marketingVersion(1));
    assertEquals(201, joined.getStatusCode());
    assertEquals(OnlineMembership.OutcomeEnum.JOINED, joined.getData().getOutcome());
    assertNotNull(joined.getData().getPassportCode());

    var cabinet = her.member().getMyCabinet();
    assertEquals(joined.getData().getPassportCode(), cabinet.getPassportCode());
    assertEquals("Мария", cabinet.getFirstName());
    assertTrue(cabinet.getPendingConsents().isEmpty(), "terms and marketing answered at joining");
    List<ConsentRecord> records = her.member().getMyConsents().getRecords();
    assertEquals(2, records.size());
    for (ConsentRecord r : records) {
      assertEquals(ConsentRecord.ChannelEnum.WEB, r.getChannel());
      assertEquals(1, r.getVersion());
    }
    // Her passport's QR code is there.
    String token = KEYCLOAK.passwordGrant(club.realm(), Fixtures.TEST_CLIENT, email, "pw-" + email);
    HttpResponse<String> qr = Fixtures.http("GET", "/me/passport/qr", token, null);
    assertEquals(200, qr.statusCode(), qr.body());
    assertTrue(qr.body().contains("<svg"), qr.body());

    // Joining again makes nothing twice.
    ApiResponse<OnlineMembership> again =
        her.member().joinClubWithHttpInfo(new JoinRequestOnline().phone(phone).termsVersion(1));
    assertEquals(200, again.getStatusCode());
    assertEquals(OnlineMembership.OutcomeEnum.ALREADY_MEMBER, again.getData().getOutcome());
    assertEquals(cabinet.getMemberId(), again.getData().getMemberId());
  }

  @Test
  void eightJoiningsAtOnceMakeOneMember() throws Exception {
    ClubFixture club = clubWithTexts();
    String email = Fixtures.unique("rush") + "@join.test";
    Fixtures.registeredLogin(club.realm(), email, "pw-rush-2026", true);
    String token =
        KEYCLOAK.passwordGrant(club.realm(), Fixtures.TEST_CLIENT, email, "pw-rush-2026");
    String phone = phone();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Callable<HttpResponse<String>> join =
            () ->
                Fixtures.http(
                    "POST", "/me/membership", token, Map.of("phone", phone, "termsVersion", 1));
        answers.add(pool.submit(join));
      }
      int created = 0;
      for (Future<HttpResponse<String>> f : answers) {
        HttpResponse<String> answer = f.get();
        assertTrue(
            List.of(200, 201, 409).contains(answer.statusCode()),
            answer.statusCode() + " " + answer.body());
        if (answer.statusCode() == 201) {
          created++;
        }
      }
      assertEquals(1, created, "exactly one joining made a member");
    } finally {
      pool.shutdownNow();
    }
    String subject = KEYCLOAK.findUser(club.realm(), email).orElseThrow().getString("id");
    try (Connection db = Fixtures.db();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT count(*) FROM " + club.schema() + ".member WHERE subject = ?")) {
      q.setString(1, subject);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        assertEquals(1, rs.getInt(1), "one member for the login");
      }
    }
  }

  @Test
  void anAddressRegisteredAtACounterGetsAClaimLinkInsteadOfASecondMember() throws Exception {
    ClubFixture club = clubWithTexts();
    var shop =
        club.partner(List.of(ScopesEnum.PURCHASES_WRITE, ScopesEnum.MEMBERS_REGISTER), "florist");
    String email = Fixtures.unique("counter") + "@join.test";
    CounterRegistrationResult atCounter =
        shop.api()
            .purchases()
            .registerAtCounter(
                club.slug(),
                key(),
                new CounterRegistration().phone(phone()).firstName("Мария").email(email));
    // The counter's own link arrives first; the one joining sends is the next mail.
    Mailbox.of(email).awaitMail(m -> CLAIM_LINK.matcher(m.text()).find());
    int before = Mailbox.of(email).count();

    BloomApi her = selfRegistered(club, email);
    ApiResponse<OnlineMembership> joined =
        her.member().joinClubWithHttpInfo(new JoinRequestOnline().phone(phone()).termsVersion(1));
    assertEquals(202, joined.getStatusCode());
    assertEquals(OnlineMembership.OutcomeEnum.CLAIM_LINK_SENT, joined.getData().getOutcome());
    assertTrue(joined.getData().getSentTo().contains("***"), joined.getData().getSentTo());
    assertEquals("no-membership", type(problem(failing(() -> her.member().getMyCabinet()), 404)));

    Mailbox.Mail mail =
        Mailbox.of(email).awaitNewMail(before, m -> CLAIM_LINK.matcher(m.text()).find());
    Matcher link = CLAIM_LINK.matcher(mail.text());
    assertTrue(link.find());
    var claimed =
        her.member()
            .claimCounterRegistration(new RegistrationClaim().token(link.group(2)).termsVersion(1));
    assertEquals(atCounter.getMemberId(), claimed.getMemberId());
    assertEquals(atCounter.getPassportCode(), her.member().getMyCabinet().getPassportCode());
  }

  @Test
  void anotherMembersPhoneIsListedAsALikelyDuplicateAndNotTaken() throws Exception {
    ClubFixture club = clubWithTexts();
    var existing = club.member();
    BloomApi her = selfRegistered(club, Fixtures.unique("same-phone") + "@join.test");
    OnlineMembership joined =
        her.member().joinClub(new JoinRequestOnline().phone(existing.phone()).termsVersion(1));
    assertEquals(OnlineMembership.OutcomeEnum.JOINED, joined.getOutcome());
    var duplicates = club.admin().clubs().listLikelyDuplicates(club.slug());
    assertTrue(
        duplicates.stream()
            .anyMatch(
                d ->
                    d.getMember().getMemberId().equals(joined.getMemberId())
                        && d.getDuplicateOf().getMemberId().equals(existing.id())
                        && "phone".equals(d.getMatchedBy().getValue())),
        duplicates::toString);
  }

  @Test
  void aLoginWhoseAddressIsNotVerifiedCannotJoin() throws Exception {
    ClubFixture club = clubWithTexts();
    String email = Fixtures.unique("unverified") + "@join.test";
    Fixtures.registeredLogin(club.realm(), email, "pw-unverified-1", false);
    BloomApi login = Fixtures.as(Fixtures.unverifiedToken(club.realm(), email, "pw-unverified-1"));
    JsonNode refused =
        problem(
            failing(
                () ->
                    login
                        .member()
                        .joinClub(new JoinRequestOnline().phone(phone()).termsVersion(1))),
            403);
    assertEquals("email-not-verified", type(refused));
  }
}
