package club.bloom.e2e;

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
import club.bloom.client.model.LedgerPolicy;
import club.bloom.client.model.PartnershipTerms;
import club.bloom.client.model.RedemptionCode;
import club.bloom.client.model.RedemptionRequest;
import club.bloom.client.model.RedemptionResult;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Members pay part of a receipt with points, confirmed by a one-time code from the cabinet: the
 * points leave exactly once, the purchase earns on the money part only, and every refusal debits
 * nothing.
 */
class RedemptionIT {
  static ClubFixture club;
  static PartnerFixture shop;
  static PartnerFixture notOptedIn;

  @BeforeAll
  static void club() throws ApiException {
    club = Fixtures.club();
    shop = club.partner("florist", "spa");
    var partnership =
        Fixtures.operator()
            .platform()
            .linkPartner(
                club.slug(),
                shop.slug(),
                new PartnershipTerms()
                    .categories(List.of("florist", "spa"))
                    .redemptionEnabled(true));
    assertEquals(Boolean.TRUE, partnership.getRedemptionEnabled());
    notOptedIn = club.partner("florist");
  }

  /** A member with 500 active points (5 % of 10 000 ₽ at the Insider tier). */
  static MemberFixture memberWith500Points() throws ApiException {
    MemberFixture member = club.member();
    shop.api()
        .purchases()
        .postPurchase(key(), purchase(member.passport(), "10000.00", "florist", 30));
    assertEquals(500L, balance(member));
    return member;
  }

  static long balance(MemberFixture member) throws ApiException {
    return member.api().member().getMyCabinet().getPointsBalance();
  }

  static String code(MemberFixture member) throws ApiException {
    RedemptionCode code = member.api().member().requestRedemptionCode(null);
    assertEquals(RedemptionCode.DeliveryEnum.SCREEN, code.getDelivery());
    assertTrue(code.getCode().matches("^[0-9]{6}$"), code.getCode());
    assertTrue(code.getExpiresAt().isAfter(OffsetDateTime.now().plusMinutes(4)));
    assertFalse(code.getExpiresAt().isAfter(OffsetDateTime.now().plusMinutes(6)));
    return code.getCode();
  }

  static RedemptionRequest redemption(
      MemberFixture member, String amount, long points, String code) {
    return new RedemptionRequest()
        .passportCode(member.passport())
        .amount(rub(amount))
        .category("florist")
        .occurredAt(OffsetDateTime.now(ZoneOffset.ofHours(3)).minusMinutes(1).withNano(0))
        .receiptNumber(Fixtures.unique("R"))
        .pointsToRedeem(points)
        .confirmationCode(code);
  }

  /** A six-digit code that is not {@code code}. */
  static String wrong(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }

  static String type(JsonNode problem) {
    String uri = problem.get("type").asText();
    return uri.substring(uri.lastIndexOf('/') + 1);
  }

  @Test
  void theCashierRedeemsWithTheMembersCodeAndThePurchaseEarnsOnTheMoneyPartOnly()
      throws ApiException {
    MemberFixture member = memberWith500Points();
    String code = code(member);

    RedemptionResult paid =
        shop.api().purchases().postRedemption(key(), redemption(member, "1000.00", 300, code));

    assertEquals(300L, paid.getPointsRedeemed());
    assertEquals("1000.00", paid.getAmount().getAmount(), "the receipt keeps the whole amount");
    assertEquals("300.00", paid.getAmountPaidWithPoints().getAmount());
    assertEquals("700.00", paid.getAmountPaidWithMoney().getAmount());
    assertEquals(35L, paid.getPointsEarned(), "5 % of the 700 ₽ paid with money");
    assertEquals(500L - 300L + 35L, paid.getPointsBalance());
    assertEquals(235L, balance(member));
    assertEquals("11000.00", paid.getProgress().getSpentInWindow().getAmount(), "spend in full");

    JsonNode used =
        problem(
            failing(
                () ->
                    shop.api()
                        .purchases()
                        .postRedemption(key(), redemption(member, "1000.00", 10, code))),
            422);
    assertEquals("no-confirmation-code", type(used), "a code confirms one redemption");
    assertEquals(235L, balance(member));
    Fixtures.assertLedgerReconciles(club);
  }

  @Test
  void refundingAReceiptPaidWithPointsGivesThePointsBack() throws ApiException {
    MemberFixture member = memberWith500Points();
    RedemptionRequest request = redemption(member, "1000.00", 300, code(member));
    shop.api().purchases().postRedemption(key(), request);
    assertEquals(235L, balance(member));

    var half =
        shop.api()
            .purchases()
            .postRefund(key(), Fixtures.refund(request.getReceiptNumber(), "500.00"));
    assertEquals(150L, half.getPointsReturned(), "half of the 300 points that paid");
    assertEquals(17L, half.getPointsReversed(), "floor(35 × 500 / 1000)");
    var rest =
        shop.api()
            .purchases()
            .postRefund(key(), Fixtures.refund(request.getReceiptNumber(), "500.00"));
    assertEquals(150L, rest.getPointsReturned());
    assertEquals(18L, rest.getPointsReversed());
    assertEquals(500L, balance(member), "as before the receipt");
    Fixtures.assertLedgerReconciles(club);
  }

  @Test
  void theClubSetsHowMuchOfAReceiptPointsMayPay() throws ApiException {
    ClubFixture own = Fixtures.club();
    PartnerFixture counter = own.partner("florist");
    Fixtures.operator()
        .platform()
        .linkPartner(
            own.slug(),
            counter.slug(),
            new PartnershipTerms().categories(List.of("florist")).redemptionEnabled(true));
    var policy =
        own.admin()
            .clubs()
            .setLedgerPolicy(
                own.slug(),
                new LedgerPolicy()
                    .spentPointsOnRefund(LedgerPolicy.SpentPointsOnRefundEnum.DEBT)
                    .maxRedeemPercent("20"));
    assertEquals("20", policy.getMaxRedeemPercent());
    MemberFixture member = own.member();
    counter
        .api()
        .purchases()
        .postPurchase(key(), purchase(member.passport(), "10000.00", "florist", 30));

    JsonNode over =
        problem(
            failing(
                () ->
                    counter
                        .api()
                        .purchases()
                        .postRedemption(key(), redemption(member, "1000.00", 201, code(member)))),
            400);
    assertEquals(List.of("pointsToRedeem"), fields(over));
    assertTrue(over.toString().contains("200"), over.toString());
    counter
        .api()
        .purchases()
        .postRedemption(key(), redemption(member, "1000.00", 200, code(member)));
    assertEquals(500L - 200L + 40L, balance(member));
  }

  @Test
  void theCodeCanBeSentToTheMembersEmailInsteadOfTheScreen() throws Exception {
    MemberFixture member = memberWith500Points();
    Mailbox inbox = Mailbox.of(member.email());

    RedemptionCode sent = member.api().member().requestRedemptionCode("email");

    assertEquals(RedemptionCode.DeliveryEnum.EMAIL, sent.getDelivery());
    assertEquals(null, sent.getCode(), "an e-mailed code is not in the answer");
    assertEquals(member.email().charAt(0) + "***@members.test", sent.getSentTo(), "masked address");
    Mailbox.Mail mail = inbox.await(s -> s.startsWith("Код для оплаты баллами"));
    java.util.regex.Matcher digits =
        java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(mail.text());
    assertTrue(digits.find(), mail.text());
    assertTrue(mail.subject().endsWith(digits.group(1)), mail.subject());
    assertTrue(mail.text().contains("Назовите его только кассиру"), mail.text());

    RedemptionResult paid =
        shop.api()
            .purchases()
            .postRedemption(key(), redemption(member, "1000.00", 100, digits.group(1)));
    assertEquals(100L, paid.getPointsRedeemed());
    JsonNode bad =
        problem(failing(() -> member.api().member().requestRedemptionCode("pigeon")), 400);
    assertEquals(List.of("delivery"), fields(bad));
  }

  /** The passport's current TOTP code, computed the way an authenticator app does. */
  static String totp(String base32Secret, java.time.Instant at) throws Exception {
    var generator =
        new com.eatthepath.otp.TimeBasedOneTimePasswordGenerator(java.time.Duration.ofSeconds(30));
    return generator.generateOneTimePasswordString(
        new javax.crypto.spec.SecretKeySpec(
            new org.apache.commons.codec.binary.Base32().decode(base32Secret), "HmacSHA1"),
        at);
  }

  @Test
  void theCashierMayConfirmWithThePassportsTotpEachCodeOnce() throws Exception {
    MemberFixture member = memberWith500Points();
    var key = member.api().member().enrolPassportTotp();
    assertTrue(key.getOtpauthUri().startsWith("otpauth://totp/"), key.getOtpauthUri());
    assertTrue(key.getOtpauthUri().contains("secret=" + key.getSecret()), key.getOtpauthUri());
    assertTrue(key.getOtpauthUri().contains(member.passport()), key.getOtpauthUri());
    assertEquals(key.getSecret(), member.api().member().getPassportTotp().getSecret());
    String now = totp(key.getSecret(), java.time.Instant.now());

    RedemptionResult paid =
        shop.api().purchases().postRedemption(key(), redemption(member, "1000.00", 100, now));
    assertEquals(100L, paid.getPointsRedeemed());

    JsonNode replay =
        problem(
            failing(
                () ->
                    shop.api()
                        .purchases()
                        .postRedemption(key(), redemption(member, "1000.00", 100, now))),
            422);
    assertEquals("invalid-confirmation-code", type(replay), "a TOTP code confirms once");
    assertEquals(400L + 45L, balance(member));

    member.api().member().disablePassportTotp();
    JsonNode off = problem(failing(() -> member.api().member().getPassportTotp()), 404);
    assertEquals("totp-off", type(off));
    String next = totp(key.getSecret(), java.time.Instant.now().plusSeconds(30));
    JsonNode refused =
        problem(
            failing(
                () ->
                    shop.api()
                        .purchases()
                        .postRedemption(key(), redemption(member, "1000.00", 100, next))),
            422);
    assertEquals("no-confirmation-code", type(refused), "an old key confirms nothing once off");
    assertEquals(445L, balance(member));
  }

  @Test
  void aWrongCodeIsRefusedDebitsNothingAndSpendsAnAttempt() throws Exception {
    MemberFixture member = memberWith500Points();
    String code = code(member);
    RedemptionRequest request = redemption(member, "1000.00", 200, wrong(code));

    JsonNode refused =
        problem(failing(() -> shop.api().purchases().postRedemption(key(), request)), 422);

    assertEquals("invalid-confirmation-code", type(refused));
    assertTrue(refused.get("detail").asText().contains("4 attempts left"), refused.toString());
    assertEquals(500L, balance(member));
    assertEquals(4, attemptsLeft(member), "the spent attempt stays spent");
    // Nothing was recorded: the same receipt goes through with the right code.
    RedemptionResult paid =
        shop.api().purchases().postRedemption(key(), request.confirmationCode(code));
    assertEquals(200L, paid.getPointsRedeemed());
    assertEquals(300L + 40L, balance(member));
  }

  @Test
  void fiveWrongCodesLockTheCodeUntilTheMemberAsksForANewOne() throws Exception {
    MemberFixture member = memberWith500Points();
    String code = code(member);
    for (int attempt = 1; attempt <= 5; attempt++) {
      JsonNode refused =
          problem(
              failing(
                  () ->
                      shop.api()
                          .purchases()
                          .postRedemption(key(), redemption(member, "1000.00", 100, wrong(code)))),
              422);
      assertEquals("invalid-confirmation-code", type(refused));
    }
    assertEquals(0, attemptsLeft(member));

    JsonNode locked =
        problem(
            failing(
                () ->
                    shop.api()
                        .purchases()
                        .postRedemption(key(), redemption(member, "1000.00", 100, code))),
            422);
    assertEquals("confirmation-locked", type(locked));
    assertEquals(500L, balance(member));

    String fresh = code(member);
    assertEquals(5, attemptsLeft(member));
    shop.api().purchases().postRedemption(key(), redemption(member, "1000.00", 100, fresh));
    assertEquals(400L + 45L, balance(member));
  }

  @Test
  void anExpiredCodeIsRefused() throws Exception {
    MemberFixture member = memberWith500Points();
    String code = code(member);
    expireCode(member);

    JsonNode expired =
        problem(
            failing(
                () ->
                    shop.api()
                        .purchases()
                        .postRedemption(key(), redemption(member, "1000.00", 100, code))),
            422);

    assertEquals("confirmation-code-expired", type(expired));
    assertEquals(500L, balance(member));
  }

  @Test
  void morePointsThanTheClubsLimitAreRefusedNamingTheMaximum() throws Exception {
    MemberFixture member = memberWith500Points();
    String code = code(member);

    JsonNode over =
        problem(
            failing(
                () ->
                    shop.api()
                        .purchases()
                        .postRedemption(key(), redemption(member, "999.99", 500, code))),
            400);

    assertEquals(List.of("pointsToRedeem"), fields(over));
    String reason = over.get("errors").get(0).get("reason").asText();
    assertTrue(reason.contains("at most 499"), reason);
    assertTrue(reason.contains("50 %"), reason);
    assertEquals(500L, balance(member));
    assertEquals(5, attemptsLeft(member), "a refused limit costs no attempt");

    shop.api().purchases().postRedemption(key(), redemption(member, "999.99", 499, code));
    assertEquals(1L + 25L, balance(member), "5 % of 500.99 ₽");
  }

  @Test
  void morePointsThanTheMemberHasAreRefusedAndTheCodeStaysValid() throws ApiException {
    MemberFixture member = memberWith500Points();
    String code = code(member);

    JsonNode cannot =
        problem(
            failing(
                () ->
                    shop.api()
                        .purchases()
                        .postRedemption(key(), redemption(member, "2000.00", 501, code))),
            422);

    assertEquals("cannot-redeem", type(cannot));
    assertEquals(500L, balance(member));
    shop.api().purchases().postRedemption(key(), redemption(member, "2000.00", 500, code));
    assertEquals(75L, balance(member), "5 % of 1 500 ₽");
  }

  @Test
  void aPartnerNotOptedInCannotTakePoints() throws Exception {
    MemberFixture member = memberWith500Points();
    String code = code(member);

    JsonNode forbidden =
        problem(
            failing(
                () ->
                    notOptedIn
                        .api()
                        .purchases()
                        .postRedemption(key(), redemption(member, "1000.00", 100, code))),
            403);

    assertEquals("redemption-not-enabled", type(forbidden));
    assertEquals(500L, balance(member));
    assertEquals(5, attemptsLeft(member));
  }

  @Test
  void aRetryWithTheSameKeyGetsTheSameResultAndDebitsOnce() throws ApiException {
    MemberFixture member = memberWith500Points();
    RedemptionRequest request = redemption(member, "1000.00", 300, code(member));
    String key = key();

    RedemptionResult first = shop.api().purchases().postRedemption(key, request);
    RedemptionResult retry = shop.api().purchases().postRedemption(key, request);

    assertEquals(first, retry);
    assertEquals(235L, balance(member));
    Fixtures.assertLedgerReconciles(club);
  }

  private static int attemptsLeft(MemberFixture member) throws SQLException {
    try (Connection db = Fixtures.db();
        PreparedStatement st =
            db.prepareStatement(
                "SELECT c.attempts_left FROM "
                    + club.schema()
                    + ".redemption_code c JOIN "
                    + club.schema()
                    + ".member m ON m.id = c.member_id WHERE m.passport_code = ?")) {
      st.setString(1, member.passport());
      try (ResultSet rs = st.executeQuery()) {
        assertTrue(rs.next(), "the member has a code");
        return rs.getInt(1);
      }
    }
  }

  private static void expireCode(MemberFixture member) throws SQLException {
    try (Connection db = Fixtures.db();
        PreparedStatement st =
            db.prepareStatement(
                "UPDATE "
                    + club.schema()
                    + ".redemption_code c SET expires_at = now() - interval '1 second' FROM "
                    + club.schema()
                    + ".member m WHERE m.id = c.member_id AND m.passport_code = ?")) {
      st.setString(1, member.passport());
      assertEquals(1, st.executeUpdate());
    }
  }

  /** Every entry balances; the member account equals the lots; redemptions are journal entries. */
}
