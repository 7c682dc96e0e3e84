package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.MemberEnrolment;
import club.bloom.client.model.PartnerProvisioning;
import club.bloom.client.model.PartnershipTerms;
import club.bloom.client.model.PurchaseRequest;
import club.bloom.client.model.PurchaseResult;
import club.bloom.client.model.UsageLine;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plan limits against the real stack: beyond a limit the answer is 402 and nothing is recorded; an
 * accepted purchase retried with its key still returns its result; members and partners of a club
 * are held to its plan too.
 */
class QuotasIT {
  static ClubFixture club;
  static MemberFixture member;

  @BeforeAll
  static void club() throws ApiException {
    club = Fixtures.club();
    member = club.member();
  }

  private static long purchasesCounted(String kind, String slug) throws ApiException {
    return Fixtures.operator().platform().getTenantSubscription(kind, slug).getUsage().stream()
        .filter(l -> l.getMetric().equals("purchases"))
        .mapToLong(UsageLine::getQuantity)
        .sum();
  }

  private static int purchasesInClubSchema(String receipt) throws Exception {
    try (Connection db = Fixtures.db();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT count(*) FROM " + club.schema() + ".purchase WHERE receipt_number = ?")) {
      q.setString(1, receipt);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void aPurchaseBeyondThePartnersMonthlyLimitIs402AndRecordsNothing() throws Exception {
    PartnerFixture partner = club.partner("florist");
    Fixtures.override("partners", partner.slug(), "purchasesPerMonth", 2);
    partner.api().purchases().postPurchase(key(), purchase(member.passport(), "100.00", "florist"));
    partner.api().purchases().postPurchase(key(), purchase(member.passport(), "100.00", "florist"));
    long balance = member.api().member().getMyCabinet().getPointsBalance();

    String refusedKey = key();
    PurchaseRequest third = purchase(member.passport(), "100.00", "florist");
    ApiException e = failing(() -> partner.api().purchases().postPurchase(refusedKey, third));
    JsonNode problem = problem(e, 402);
    assertEquals("https://bloom.club/problems/quota-exceeded", problem.get("type").asText());
    assertEquals("purchasesPerMonth", problem.get("limit").asText());
    assertEquals(2, problem.get("allowed").asLong());
    assertEquals(2, problem.get("used").asLong());
    assertEquals(Fixtures.TEST_PLAN, problem.get("plan").asText());
    assertEquals(partner.slug(), problem.get("tenant").asText());
    assertTrue(problem.get("detail").asText().contains("purchasesPerMonth"), problem.toString());
    long retryAfter =
        Long.parseLong(e.getResponseHeaders().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 0 && retryAfter <= 31 * 24 * 3600, "until the next month");

    assertEquals(0, purchasesInClubSchema(third.getReceiptNumber()), "nothing in the club");
    assertTrue(
        partner.api().purchases().listPurchases(100, null).getItems().stream()
            .noneMatch(r -> r.getReceiptNumber().equals(third.getReceiptNumber())),
        "no receipt at the partner");
    assertEquals(balance, member.api().member().getMyCabinet().getPointsBalance());
    assertEquals(2, purchasesCounted("partners", partner.slug()));

    // The refused request left its key free: with room again, the same request goes through.
    Fixtures.override("partners", partner.slug(), "purchasesPerMonth", 3);
    PurchaseResult accepted = partner.api().purchases().postPurchase(refusedKey, third);
    assertEquals(third.getReceiptNumber(), accepted.getReceiptNumber());
    assertEquals(3, purchasesCounted("partners", partner.slug()));
  }

  /**
   * The monthly counter is split into slots, each bounded by its share of the limit (ADR 0036):
   * purchases fired at once never pass the limit, none is refused while there is room, and the
   * counts landed in more than one slot.
   */
  @Test
  void purchasesFiredAtOnceTakeExactlyTheRoomLeftInTheMonth() throws Exception {
    PartnerFixture partner = club.partner("cosmetology");
    int limit = 23;
    Fixtures.override("partners", partner.slug(), "purchasesPerMonth", limit);
    List<MemberFixture> buyers = List.of(member, club.member(), club.member(), club.member());
    int fired = 60;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(20);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
    for (int i = 0; i < fired; i++) {
      MemberFixture buyer = buyers.get(i % buyers.size());
      answers.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  partner
                      .api()
                      .purchases()
                      .postPurchase(key(), purchase(buyer.passport(), "100.00", "cosmetology"));
                  return 201;
                } catch (ApiException e) {
                  return e.getCode();
                }
              }));
    }
    start.countDown();
    java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    for (java.util.concurrent.Future<Integer> answer : answers) {
      statuses.merge(answer.get(), 1, Integer::sum);
    }
    pool.shutdown();

    assertEquals(
        java.util.Map.of(201, limit, 402, fired - limit), statuses, "exactly the room was taken");
    assertEquals(limit, purchasesCounted("partners", partner.slug()));
    try (Connection db = Fixtures.db();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT count(*), count(DISTINCT c.slot), sum(c.quantity)"
                    + " FROM platform.usage_counter c JOIN platform.tenant t ON t.id = c.tenant_id"
                    + " WHERE t.kind = 'PARTNER' AND t.slug = ? AND c.metric = 'PURCHASES'");
        PreparedStatement stored =
            db.prepareStatement(
                "SELECT count(*) FROM "
                    + club.schema()
                    + ".purchase p JOIN platform.tenant t ON t.id = p.partner_id WHERE t.slug = ?")) {
      q.setString(1, partner.slug());
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        assertEquals(limit, rs.getLong(3), "the slots add up to the limit");
        assertTrue(rs.getInt(2) > 1, "the counts are spread over slots, not one row");
      }
      stored.setString(1, partner.slug());
      try (ResultSet rs = stored.executeQuery()) {
        rs.next();
        assertEquals(limit, rs.getInt(1), "one stored purchase per accepted answer");
      }
    }
  }

  @Test
  void aRetryOfAnAcceptedPurchaseReturnsItsResultEvenWhenTheQuotaIsExhausted() throws Exception {
    PartnerFixture partner = club.partner("spa");
    Fixtures.override("partners", partner.slug(), "purchasesPerMonth", 1);
    String acceptedKey = key();
    PurchaseRequest request = purchase(member.passport(), "500.00", "spa");
    PurchaseResult first = partner.api().purchases().postPurchase(acceptedKey, request);
    problem(
        failing(
            () ->
                partner
                    .api()
                    .purchases()
                    .postPurchase(key(), purchase(member.passport(), "10.00", "spa"))),
        402);

    PurchaseResult retry = partner.api().purchases().postPurchase(acceptedKey, request);

    assertEquals(first, retry);
    assertEquals(1, purchasesInClubSchema(request.getReceiptNumber()));
    assertEquals(1, purchasesCounted("partners", partner.slug()), "the retry did not count");
  }

  @Test
  void aClubsPlanLimitsItsPurchasesMembersAndPartners() throws Exception {
    ClubFixture small = Fixtures.club();
    PartnerFixture partner = small.partner("wine");
    MemberFixture first = small.member();
    Fixtures.override(
        "clubs", small.slug(), "purchasesPerMonth", 1, "members", 1, "partnersPerClub", 1);

    partner.api().purchases().postPurchase(key(), purchase(first.passport(), "700.00", "wine"));
    JsonNode purchases =
        problem(
            failing(
                () ->
                    partner
                        .api()
                        .purchases()
                        .postPurchase(key(), purchase(first.passport(), "700.00", "wine"))),
            402);
    assertEquals(small.slug(), purchases.get("tenant").asText(), "the club's plan, not the shop's");
    assertEquals("club", purchases.get("tenantKind").asText());

    JsonNode members =
        problem(
            failing(
                () ->
                    Fixtures.operator()
                        .clubs()
                        .enrolMember(
                            small.slug(),
                            key(),
                            new MemberEnrolment()
                                .firstName("Вторая")
                                .lastName("Лишняя")
                                .phone("+79990001122")
                                .email(Fixtures.unique("m") + "@members.test"))),
            402);
    assertEquals("members", members.get("limit").asText());
    assertEquals(1, members.get("used").asLong());
    assertTrue(members.path("resetsAt").isMissingNode(), "a stock does not reset");
    try (Connection db = Fixtures.db();
        ResultSet rs =
            db.createStatement()
                .executeQuery("SELECT count(*) FROM " + small.schema() + ".member")) {
      rs.next();
      assertEquals(1, rs.getInt(1), "no second member");
    }

    String shop = Fixtures.unique("partner");
    Fixtures.operator()
        .platform()
        .provisionPartner(shop, new PartnerProvisioning().name("Shop " + shop));
    JsonNode partners =
        problem(
            failing(
                () ->
                    Fixtures.operator()
                        .platform()
                        .linkPartner(
                            small.slug(),
                            shop,
                            new PartnershipTerms().categories(List.of("wine")))),
            402);
    assertEquals("partnersPerClub", partners.get("limit").asText());
  }
}
