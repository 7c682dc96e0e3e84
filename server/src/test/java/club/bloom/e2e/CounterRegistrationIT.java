package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.KEYCLOAK;
import static club.bloom.e2e.Fixtures.assertLedgerReconciles;
import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.fields;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static club.bloom.e2e.Fixtures.rub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.ApiKeyRequest.ScopesEnum;
import club.bloom.client.model.ClaimedRegistration;
import club.bloom.client.model.ConsentKind;
import club.bloom.client.model.ConsentPublication;
import club.bloom.client.model.ConsentRecord;
import club.bloom.client.model.CounterRegistration;
import club.bloom.client.model.CounterRegistrationResult;
import club.bloom.client.model.LikelyDuplicate;
import club.bloom.client.model.MemberCard;
import club.bloom.client.model.MemberMerge;
import club.bloom.client.model.MemberMergeRequest;
import club.bloom.client.model.MemberStatus;
import club.bloom.client.model.PartnershipTerms;
import club.bloom.client.model.RedemptionRequest;
import club.bloom.client.model.RegistrationClaim;
import club.bloom.devstack.BloomApi;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Registration at a partner's counter (ADR 0023): the cashier registers a phone, purchases are
 * credited at once but can be seen and spent only after the person claims the e-mailed link;
 * duplicates by phone are answered with the existing member, by e-mail are merged with their
 * history; partners register only in their clubs.
 */
class CounterRegistrationIT {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern LINK =
      Pattern.compile("(http\\S+/#/c/([a-z0-9-]+)/confirm/([A-Za-z0-9_-]{43}))");

  static ClubFixture club;
  static PartnerFixture shop;
  static int termsVersion;

  @BeforeAll
  static void club() throws ApiException {
    club = Fixtures.club();
    shop =
        club.partner(
            List.of(
                ScopesEnum.PURCHASES_WRITE,
                ScopesEnum.PURCHASES_READ,
                ScopesEnum.MEMBERS_LOOKUP,
                ScopesEnum.MEMBERS_REGISTER),
            "florist",
            "spa",
            "cosmetology");
    Fixtures.operator()
        .platform()
        .linkPartner(
            club.slug(),
            shop.slug(),
            new PartnershipTerms()
                .categories(List.of("florist", "spa", "cosmetology"))
                .redemptionEnabled(true));
    termsVersion =
        club.admin()
            .clubs()
            .publishConsentDocument(
                club.slug(),
                new ConsentPublication().kind(ConsentKind.TERMS).text("Правила клуба, версия 1"))
            .getVersion();
  }

  /** A random valid Russian mobile number, as a cashier might type it: {@code 8 9xx xxx-xx-xx}. */
  static String typedPhone() {
    String digits = String.format("%07d", RANDOM.nextInt(10_000_000));
    return "8 (999) "
        + digits.substring(0, 3)
        + "-"
        + digits.substring(3, 5)
        + "-"
        + digits.substring(5);
  }

  static String e164(String typed) {
    return "+7" + typed.replaceAll("[^0-9]", "").substring(1);
  }

  static CounterRegistrationResult register(String phone, String firstName, String email)
      throws ApiException {
    return shop.api()
        .purchases()
        .registerAtCounter(
            club.slug(),
            key(),
            new CounterRegistration().phone(phone).firstName(firstName).email(email));
  }

  /** A new login in the club's realm (as if the person registered there), signed in. */
  static BloomApi newLogin(String email) {
    String password = "pw-" + UUID.randomUUID();
    KEYCLOAK.adminSend(
        "POST",
        "/admin/realms/" + club.realm() + "/users",
        jakarta.json.Json.createObjectBuilder()
            .add("username", email)
            .add("email", email)
            .add("emailVerified", true)
            .add("enabled", true)
            .add("firstName", "Мария")
            .add("lastName", "Новая")
            .add(
                "credentials",
                jakarta.json.Json.createArrayBuilder()
                    .add(
                        jakarta.json.Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", password)
                            .add("temporary", false)))
            .build());
    return Fixtures.as(KEYCLOAK.passwordGrant(club.realm(), Fixtures.TEST_CLIENT, email, password));
  }

  /** The token of the link mailed to {@code email} for this club. */
  static String mailedToken(String email) {
    Mailbox.Mail mail =
        Mailbox.of(email)
            .awaitMail(
                m -> m.subject().contains("Club " + club.slug()) && LINK.matcher(m.text()).find());
    Matcher link = LINK.matcher(mail.text());
    assertTrue(link.find(), mail.text());
    assertEquals(club.slug(), link.group(2));
    return link.group(3);
  }

  static String tokenOf(String url) {
    Matcher link = LINK.matcher(url);
    assertTrue(link.find(), url);
    return link.group(3);
  }

  static String type(JsonNode problem) {
    String uri = problem.get("type").asText();
    return uri.substring(uri.lastIndexOf('/') + 1);
  }

  static RedemptionRequest redemption(String passport, long points, String code) {
    return new RedemptionRequest()
        .passportCode(passport)
        .amount(rub("1000.00"))
        .category("florist")
        .occurredAt(OffsetDateTime.now(ZoneOffset.ofHours(3)).minusMinutes(1).withNano(0))
        .receiptNumber(Fixtures.unique("R"))
        .pointsToRedeem(points)
        .confirmationCode(code);
  }

  static long count(String sql, Object... params) throws SQLException {
    try (Connection db = Fixtures.db();
        PreparedStatement st = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The member's account in the journal equals the points left in her lots. */
  static void assertMemberReconciles(UUID member) throws SQLException {
    long account =
        count(
            "SELECT coalesce(sum(amount), 0) FROM "
                + club.schema()
                + ".ledger_posting WHERE account = 'MEMBER' AND member_id = ?",
            member);
    long lots =
        count(
            "SELECT coalesce(sum(remaining), 0) FROM "
                + club.schema()
                + ".point_lot WHERE member_id = ?",
            member);
    assertEquals(account, lots, "member " + member + ": account equals lots");
  }

  @Test
  void aMemberRegisteredAtTheCounterEarnsAtOnceAndSpendsOnlyAfterClaimingTheMailedLink()
      throws Exception {
    String phone = typedPhone();
    String email = Fixtures.unique("anna") + "@counter.test";
    String idempotencyKey = key();
    CounterRegistration body =
        new CounterRegistration().phone(phone).firstName("Анна").email(email);

    CounterRegistrationResult registered =
        shop.api().purchases().registerAtCounter(club.slug(), idempotencyKey, body);

    assertEquals(MemberStatus.AWAITING_CONFIRMATION, registered.getStatus());
    assertFalse(registered.getExisting());
    assertFalse(registered.getLikelyDuplicate());
    assertEquals(
        List.of("screen", "email"),
        registered.getDeliveries().stream().map(Object::toString).toList());
    assertEquals(email.charAt(0) + "***@counter.test", registered.getEmailedTo());
    String token = tokenOf(registered.getConfirmationUrl().toString());
    assertTrue(registered.getConfirmationExpiresAt().isAfter(OffsetDateTime.now().plusDays(6)));
    // A retry answers the same, link included, and registers no one else.
    CounterRegistrationResult replay =
        shop.api().purchases().registerAtCounter(club.slug(), idempotencyKey, body);
    assertEquals(registered.getPassportCode(), replay.getPassportCode());
    assertEquals(registered.getConfirmationUrl(), replay.getConfirmationUrl());
    assertEquals(
        1,
        count(
            "SELECT count(*) FROM " + club.schema() + ".counter_registration WHERE member_id = ?",
            registered.getMemberId()));
    // Stored hashed: the token is nowhere in the club's table nor in the stored results.
    assertEquals(
        0,
        count(
            "SELECT count(*) FROM platform.idempotency_record WHERE response_body LIKE ?",
            "%" + token + "%"));

    // The purchase is credited at once, with the passport from the answer.
    var bought =
        shop.api()
            .purchases()
            .postPurchase(key(), purchase(registered.getPassportCode(), "10000.00", "florist", 30));
    assertEquals(500L, bought.getPointsEarned());
    MemberCard atCounter = shop.api().purchases().lookupMember(registered.getPassportCode());
    assertEquals(MemberStatus.AWAITING_CONFIRMATION, atCounter.getStatus());
    assertEquals(500L, atCounter.getPointsBalance());

    // Not spendable before confirming, and no cabinet for a login that has not claimed.
    JsonNode refused =
        problem(
            failing(
                () ->
                    shop.api()
                        .purchases()
                        .postRedemption(
                            key(), redemption(registered.getPassportCode(), 100, "123456"))),
            409);
    assertEquals("member-not-confirmed", type(refused));
    BloomApi login = newLogin(email);
    assertEquals("no-membership", type(problem(failing(() -> login.member().getMyCabinet()), 404)));

    // The e-mailed link is the one the terminal showed.
    assertEquals(token, mailedToken(email));
    JsonNode outdated =
        problem(
            failing(
                () ->
                    login
                        .member()
                        .claimCounterRegistration(
                            new RegistrationClaim().token(token).termsVersion(termsVersion + 1))),
            409);
    assertEquals("consent-outdated", type(outdated));
    ClaimedRegistration claimed =
        login
            .member()
            .claimCounterRegistration(
                new RegistrationClaim().token(token).termsVersion(termsVersion));
    assertEquals(registered.getMemberId(), claimed.getMemberId());
    assertEquals(registered.getPassportCode(), claimed.getPassportCode());
    assertFalse(claimed.getMerged());

    // Now hers: visible and spendable; the terms accepted through the counter link.
    var cabinet = login.member().getMyCabinet();
    assertEquals(registered.getPassportCode(), cabinet.getPassportCode());
    assertEquals(500L, cabinet.getPointsBalance());
    assertTrue(cabinet.getPendingConsents().isEmpty());
    assertEquals(1, login.member().listMyPurchases(10, null).getItems().size());
    List<ConsentRecord> records = login.member().getMyConsents().getRecords();
    assertEquals(1, records.size());
    assertEquals(ConsentRecord.ChannelEnum.COUNTER_LINK, records.get(0).getChannel());
    assertEquals(termsVersion, records.get(0).getVersion());
    String code = login.member().requestRedemptionCode(null).getCode();
    var paid =
        shop.api()
            .purchases()
            .postRedemption(key(), redemption(registered.getPassportCode(), 300, code));
    assertEquals(300L, paid.getPointsRedeemed());
    assertEquals(
        MemberStatus.ACTIVE,
        shop.api().purchases().lookupMember(registered.getPassportCode()).getStatus());

    // Single use: the same login is told it is done, another login is refused.
    assertEquals(
        claimed.getMemberId(),
        login
            .member()
            .claimCounterRegistration(
                new RegistrationClaim().token(token).termsVersion(termsVersion))
            .getMemberId());
    BloomApi other = newLogin(Fixtures.unique("other") + "@counter.test");
    JsonNode used =
        problem(
            failing(
                () ->
                    other
                        .member()
                        .claimCounterRegistration(
                            new RegistrationClaim().token(token).termsVersion(termsVersion))),
            410);
    assertEquals("registration-link-used", type(used));
    assertLedgerReconciles(club);
    assertMemberReconciles(registered.getMemberId());
  }

  @Test
  void aPhoneThatIsAlreadyAMembersAnswersThatMemberAndCreatesNoSecond() throws Exception {
    MemberFixture member = club.member();
    long members = count("SELECT count(*) FROM " + club.schema() + ".member");
    String typed = "8 " + member.phone().substring(2, 5) + " " + member.phone().substring(5);

    var raw =
        Fixtures.http(
            "POST",
            "/clubs/" + club.slug() + "/counter-registrations",
            shop.apiKey(),
            java.util.Map.of("phone", typed, "firstName", "Кто-то", "email", "x@counter.test"));

    assertEquals(200, raw.statusCode(), raw.body());
    JsonNode answer = Fixtures.JSON.readTree(raw.body());
    assertEquals(member.passport(), answer.get("passportCode").asText());
    assertEquals("active", answer.get("status").asText());
    assertTrue(answer.get("existing").asBoolean());
    assertEquals("phone", answer.get("matchedBy").asText());
    assertFalse(answer.has("confirmationUrl"), raw.body());
    for (String pd : List.of("firstName", "lastName", "phone", "email", "personal")) {
      assertFalse(answer.has(pd), "no personal field: " + raw.body());
    }
    assertTrue(raw.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    assertEquals(members, count("SELECT count(*) FROM " + club.schema() + ".member"));

    // A pending member registered again gets a fresh link, still one member.
    String phone = typedPhone();
    CounterRegistrationResult first = register(phone, null, null);
    CounterRegistrationResult again = register(e164(phone), null, null);
    assertTrue(again.getExisting());
    assertEquals(first.getPassportCode(), again.getPassportCode());
    assertEquals(MemberStatus.AWAITING_CONFIRMATION, again.getStatus());
    assertFalse(
        tokenOf(first.getConfirmationUrl().toString())
            .equals(tokenOf(again.getConfirmationUrl().toString())));
    assertEquals(List.of("screen"), again.getDeliveries().stream().map(Object::toString).toList());
  }

  @Test
  void aLoginWithAMemberClaimingARegistrationMergesThemAndKeepsTheHistory() throws Exception {
    MemberFixture anna = club.member();
    shop.api()
        .purchases()
        .postPurchase(key(), purchase(anna.passport(), "10000.00", "florist", 60));

    // At the counter with a new phone but her e-mail: a second member, flagged as a likely
    // duplicate.
    CounterRegistrationResult pending = register(typedPhone(), "Анна", anna.email());
    assertTrue(pending.getLikelyDuplicate());
    assertFalse(pending.getExisting());
    List<LikelyDuplicate> duplicates = club.admin().clubs().listLikelyDuplicates(club.slug());
    assertTrue(
        duplicates.stream()
            .anyMatch(
                d ->
                    d.getMember().getMemberId().equals(pending.getMemberId())
                        && d.getDuplicateOf().getMemberId().equals(anna.id())),
        duplicates.toString());
    shop.api()
        .purchases()
        .postPurchase(key(), purchase(pending.getPassportCode(), "15000.00", "spa", 50));
    shop.api()
        .purchases()
        .postPurchase(key(), purchase(pending.getPassportCode(), "5000.00", "cosmetology", 40));
    assertEquals(
        1000L, shop.api().purchases().lookupMember(pending.getPassportCode()).getPointsBalance());

    // She opens the mailed link signed in as herself: the two members become one.
    String token = mailedToken(anna.email());
    ClaimedRegistration claimed =
        anna.api()
            .member()
            .claimCounterRegistration(
                new RegistrationClaim().token(token).termsVersion(termsVersion));
    assertTrue(claimed.getMerged());
    assertEquals(anna.id(), claimed.getMemberId());
    assertEquals(anna.passport(), claimed.getPassportCode());
    assertEquals(pending.getPassportCode(), claimed.getMergedPassportCode());

    var cabinet = anna.api().member().getMyCabinet();
    assertEquals(500L + 750L + 250L, cabinet.getPointsBalance());
    assertEquals(3, anna.api().member().listMyPurchases(10, null).getItems().size());
    assertEquals("vip", cabinet.getTier().getCode(), "30 000 ₽ in 3 categories together");
    // The absorbed passport keeps resolving to her.
    MemberCard byOldPassport = shop.api().purchases().lookupMember(pending.getPassportCode());
    assertEquals(anna.id(), byOldPassport.getMemberId());
    assertEquals(MemberStatus.ACTIVE, byOldPassport.getStatus());
    shop.api()
        .purchases()
        .postPurchase(key(), purchase(pending.getPassportCode(), "1000.00", "florist", 5));
    assertEquals(4, anna.api().member().listMyPurchases(10, null).getItems().size());

    // Recorded: who, when, which, what moved; the pair is no longer a likely duplicate.
    MemberMerge merge =
        club.admin().clubs().listMemberMerges(club.slug(), 100).stream()
            .filter(m -> m.getAbsorbedId().equals(pending.getMemberId()))
            .findFirst()
            .orElseThrow();
    assertEquals(anna.id(), merge.getSurvivorId());
    assertEquals(MemberMerge.ReasonEnum.CLAIM, merge.getReason());
    assertEquals(2, merge.getPurchasesMoved());
    assertEquals(2, merge.getLotsMoved());
    assertTrue(
        club.admin().clubs().listLikelyDuplicates(club.slug()).stream()
            .noneMatch(d -> d.getMember().getMemberId().equals(pending.getMemberId())));
    MemberCard absorbed = club.admin().clubs().getClubMember(club.slug(), pending.getMemberId());
    assertEquals(MemberStatus.MERGED, absorbed.getStatus());
    assertEquals(anna.id(), absorbed.getMergedInto());
    String schema = club.schema();
    for (String table : List.of("purchase", "point_lot", "ledger_entry", "ledger_posting")) {
      assertEquals(
          0,
          count(
              "SELECT count(*) FROM " + schema + "." + table + " WHERE member_id = ?",
              pending.getMemberId()),
          table + " moved");
    }
    assertLedgerReconciles(club);
    assertMemberReconciles(anna.id());
  }

  @Test
  void theClubAdminMergesTwoMembersExplicitlyOnceAndOnlyInTheClub() throws Exception {
    MemberFixture vera = club.member();
    MemberFixture twin = club.member();
    shop.api().purchases().postPurchase(key(), purchase(vera.passport(), "2000.00", "florist", 60));
    shop.api().purchases().postPurchase(key(), purchase(twin.passport(), "4000.00", "spa", 50));
    var refundable = purchase(twin.passport(), "2000.00", "florist", 40);
    shop.api().purchases().postPurchase(key(), refundable);

    MemberMerge merge =
        club.admin()
            .clubs()
            .mergeMembers(
                club.slug(), new MemberMergeRequest().survivorId(vera.id()).absorbedId(twin.id()));
    assertEquals(MemberMerge.ReasonEnum.ADMIN, merge.getReason());
    assertEquals(2, merge.getPurchasesMoved());
    assertEquals(twin.passport(), merge.getAbsorbedPassportCode());

    // The history stays whole: a refund of the absorbed member's receipt reverses on the survivor.
    shop.api()
        .purchases()
        .postRefund(key(), Fixtures.refund(refundable.getReceiptNumber(), "2000.00"));
    assertEquals(
        100L + 200L,
        shop.api().purchases().lookupMember(vera.passport()).getPointsBalance(),
        "2 000 ₽ and 4 000 ₽ at 5 %, the refunded 2 000 ₽ reversed");
    assertEquals(vera.id(), shop.api().purchases().lookupMember(twin.passport()).getMemberId());

    JsonNode twice =
        problem(
            failing(
                () ->
                    club.admin()
                        .clubs()
                        .mergeMembers(
                            club.slug(),
                            new MemberMergeRequest().survivorId(vera.id()).absorbedId(twin.id()))),
            409);
    assertEquals("cannot-merge", type(twice));
    JsonNode itself =
        problem(
            failing(
                () ->
                    club.admin()
                        .clubs()
                        .mergeMembers(
                            club.slug(),
                            new MemberMergeRequest().survivorId(vera.id()).absorbedId(vera.id()))),
            409);
    assertEquals("cannot-merge", type(itself));

    // Another club's admin, or another club's member id: 404, nothing changed.
    ClubFixture other = Fixtures.club();
    MemberFixture outsider = other.member();
    problem(
        failing(
            () ->
                other
                    .admin()
                    .clubs()
                    .mergeMembers(
                        club.slug(),
                        new MemberMergeRequest().survivorId(vera.id()).absorbedId(outsider.id()))),
        404);
    JsonNode foreign =
        problem(
            failing(
                () ->
                    club.admin()
                        .clubs()
                        .mergeMembers(
                            club.slug(),
                            new MemberMergeRequest()
                                .survivorId(vera.id())
                                .absorbedId(outsider.id()))),
            404);
    assertEquals("unknown-member", type(foreign));
    problem(failing(() -> other.admin().clubs().listMemberMerges(club.slug(), 10)), 404);
    problem(failing(() -> other.admin().clubs().listLikelyDuplicates(club.slug())), 404);
    JsonNode invalid =
        problem(
            failing(
                () ->
                    club.admin()
                        .clubs()
                        .mergeMembers(club.slug(), new MemberMergeRequest().survivorId(vera.id()))),
            400);
    assertEquals(List.of("absorbedId"), fields(invalid));
    assertLedgerReconciles(club);
    assertLedgerReconciles(other);
    assertMemberReconciles(vera.id());
  }

  @Test
  void aPartnerRegistersOnlyInItsClubsAndLinksWorkOnlyInTheirs() throws Exception {
    ClubFixture other = Fixtures.club();
    JsonNode notPartner =
        problem(
            failing(
                () ->
                    shop.api()
                        .purchases()
                        .registerAtCounter(
                            other.slug(), key(), new CounterRegistration().phone(typedPhone()))),
            404);
    assertEquals("unknown-club", type(notPartner));
    PartnerFixture lookupOnly = club.partner(List.of(ScopesEnum.MEMBERS_LOOKUP), "florist");
    problem(
        failing(
            () ->
                lookupOnly
                    .api()
                    .purchases()
                    .registerAtCounter(
                        club.slug(), key(), new CounterRegistration().phone(typedPhone()))),
        403);
    JsonNode badPhone = problem(failing(() -> register("12345", null, "not-an-email")), 400);
    assertEquals(List.of("phone", "email"), fields(badPhone));

    // A token of this club claimed from another club's realm is unknown there.
    CounterRegistrationResult registered = register(typedPhone(), null, null);
    String token = tokenOf(registered.getConfirmationUrl().toString());
    MemberFixture otherMember = other.member();
    JsonNode unknown =
        problem(
            failing(
                () ->
                    otherMember
                        .api()
                        .member()
                        .claimCounterRegistration(
                            new RegistrationClaim().token(token).termsVersion(1))),
            404);
    assertEquals("unknown-registration-link", type(unknown));

    // An expired link: a clear problem, and the member still awaits confirmation.
    try (Connection db = Fixtures.db();
        PreparedStatement st =
            db.prepareStatement(
                "UPDATE "
                    + club.schema()
                    + ".counter_registration SET expires_at = now() - interval '1 minute'"
                    + " WHERE member_id = ?")) {
      st.setObject(1, registered.getMemberId());
      assertEquals(1, st.executeUpdate());
    }
    BloomApi login = newLogin(Fixtures.unique("late") + "@counter.test");
    JsonNode expired =
        problem(
            failing(
                () ->
                    login
                        .member()
                        .claimCounterRegistration(
                            new RegistrationClaim().token(token).termsVersion(termsVersion))),
            410);
    assertEquals("registration-link-expired", type(expired));
    assertEquals(
        MemberStatus.AWAITING_CONFIRMATION,
        shop.api().purchases().lookupMember(registered.getPassportCode()).getStatus());
  }
}
