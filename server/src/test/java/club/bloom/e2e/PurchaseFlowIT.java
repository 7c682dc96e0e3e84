package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.fields;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.ApiKeyRequest.ScopesEnum;
import club.bloom.client.model.PurchaseRequest;
import club.bloom.client.model.PurchaseResult;
import club.bloom.client.model.Receipt;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import club.bloom.membership.domain.PassportCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A partner posts purchases with its API key: crediting, tiers, idempotency and every error. */
class PurchaseFlowIT {
  static ClubFixture club;
  static PartnerFixture gastro;
  static PartnerFixture florist;

  @BeforeAll
  static void club() throws ApiException {
    club = Fixtures.club();
    gastro = club.partner("gastro", "wine");
    florist = club.partner("florist", "spa", "cosmetology", "books");
  }

  @Test
  void aPurchaseIsCreditedAndAnswersWithTierAndProgress() throws ApiException {
    MemberFixture member = club.member();
    PurchaseResult result =
        gastro
            .api()
            .purchases()
            .postPurchase(key(), purchase(member.passport(), "12000.00", "gastro"));

    assertEquals(club.slug(), result.getClub());
    assertEquals("12000.00", result.getAmount().getAmount());
    assertEquals(600L, result.getPointsEarned(), "5% of 12 000 ₽ at the entry tier");
    assertEquals(600L, result.getPointsBalance());
    assertEquals("insider", result.getTier().getCode());
    assertEquals("vip", result.getProgress().getNextTier().getCode());
    assertEquals("18000.00", result.getProgress().getAmountLeft().getAmount());
    assertEquals(2, result.getProgress().getCategoriesLeft());
    assertEquals("До VIP осталось 18 000 ₽ и 2 новые категории", result.getProgress().getText());
  }

  @Test
  void theThirdCategoryAndThirtyThousandMakeAMemberVip() throws ApiException {
    MemberFixture member = club.member();
    gastro.api().purchases().postPurchase(key(), purchase(member.passport(), "12000.00", "gastro"));
    PurchaseResult second =
        florist
            .api()
            .purchases()
            .postPurchase(key(), purchase(member.passport(), "12600.00", "cosmetology"));
    assertEquals("insider", second.getTier().getCode());
    assertEquals("До VIP осталось 5 400 ₽ и 1 новая категория", second.getProgress().getText());

    PurchaseResult third =
        florist
            .api()
            .purchases()
            .postPurchase(key(), purchase(member.passport(), "5400.00", "florist"));
    assertEquals("vip", third.getTier().getCode());
    assertEquals("elite", third.getProgress().getNextTier().getCode());
    assertEquals("70000.00", third.getProgress().getAmountLeft().getAmount());
    assertEquals(2, third.getProgress().getCategoriesLeft());
    assertEquals(600L + 630L + 270L, third.getPointsBalance());
  }

  @Test
  void aRetryWithTheSameKeyReturnsTheSameResultAndCreditsOnce() throws ApiException {
    MemberFixture member = club.member();
    String key = key();
    PurchaseRequest request = purchase(member.passport(), "1000.00", "gastro");
    PurchaseResult first = gastro.api().purchases().postPurchase(key, request);
    PurchaseResult retry = gastro.api().purchases().postPurchase(key, request);

    assertEquals(first, retry);
    assertEquals(50L, retry.getPointsBalance());
    assertEquals(50L, member.api().member().getMyCabinet().getPointsBalance());
    long copies =
        gastro.api().purchases().listPurchases(100, null).getItems().stream()
            .filter(r -> r.getReceiptNumber().equals(request.getReceiptNumber()))
            .count();
    assertEquals(1, copies);
  }

  @Test
  void concurrentRetriesOfOneRequestCreditOnce() throws Exception {
    MemberFixture member = club.member();
    String key = key();
    PurchaseRequest request = purchase(member.passport(), "2000.00", "gastro");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<PurchaseResult>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<PurchaseResult> call = () -> gastro.api().purchases().postPurchase(key, request);
        answers.add(pool.submit(call));
      }
      Set<Object> purchaseIds = new HashSet<>();
      for (Future<PurchaseResult> answer : answers) {
        purchaseIds.add(answer.get().getPurchaseId());
      }
      assertEquals(1, purchaseIds.size(), "all retries answer with the one purchase");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(100L, member.api().member().getMyCabinet().getPointsBalance());
    assertEquals(1, member.api().member().listMyPurchases(100, null).getItems().size());
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedWith422() throws ApiException {
    MemberFixture member = club.member();
    String key = key();
    gastro.api().purchases().postPurchase(key, purchase(member.passport(), "1000.00", "gastro"));
    ApiException e =
        failing(
            () ->
                gastro
                    .api()
                    .purchases()
                    .postPurchase(key, purchase(member.passport(), "1001.00", "gastro")));
    JsonNode problem = problem(e, 422);
    assertEquals(List.of("Idempotency-Key"), fields(problem));
    assertEquals(50L, member.api().member().getMyCabinet().getPointsBalance());
  }

  @Test
  void anUnknownPassportIs404() {
    String nobody = PassportCode.generate().value();
    ApiException e =
        failing(
            () ->
                gastro
                    .api()
                    .purchases()
                    .postPurchase(key(), purchase(nobody, "1000.00", "gastro")));
    JsonNode problem = problem(e, 404);
    assertTrue(problem.get("type").asText().endsWith("/unknown-passport"));
  }

  @Test
  void invalidFieldsAre400NamingEachField() {
    PurchaseRequest bad =
        new PurchaseRequest()
            .passportCode("")
            .amount(Fixtures.rub("-5.999"))
            .category("Not A Category")
            .occurredAt(null)
            .receiptNumber("");
    JsonNode problem =
        problem(failing(() -> gastro.api().purchases().postPurchase(key(), bad)), 400);
    assertEquals(
        Set.of("passportCode", "amount.amount", "category", "occurredAt", "receiptNumber"),
        new HashSet<>(fields(problem)));

    JsonNode noKey =
        problem(
            failing(
                () ->
                    gastro
                        .api()
                        .purchases()
                        .postPurchase(
                            "short", purchase(PassportCode.generate().value(), "1.00", "gastro"))),
            400);
    assertEquals(List.of("Idempotency-Key"), fields(noKey));
  }

  @Test
  void aMistypedPassportIs400AndNothingIsRecorded() throws ApiException {
    MemberFixture member = club.member();
    String typo =
        member.passport().substring(0, 13) + (member.passport().endsWith("0") ? "1" : "0");
    JsonNode problem =
        problem(
            failing(
                () ->
                    gastro
                        .api()
                        .purchases()
                        .postPurchase(key(), purchase(typo, "100.00", "gastro"))),
            400);
    assertEquals(List.of("passportCode"), fields(problem));
    assertEquals(0L, member.api().member().getMyCabinet().getPointsBalance());
  }

  @Test
  void aCategoryTheClubDidNotAllowThePartnerIs400() throws ApiException {
    MemberFixture member = club.member();
    JsonNode problem =
        problem(
            failing(
                () ->
                    gastro
                        .api()
                        .purchases()
                        .postPurchase(key(), purchase(member.passport(), "100.00", "spa"))),
            400);
    assertEquals(List.of("category"), fields(problem));
    assertEquals(0L, member.api().member().getMyCabinet().getPointsBalance());
  }

  @Test
  void aReceiptNumberReportedTwiceUnderAnotherKeyIs409() throws ApiException {
    MemberFixture member = club.member();
    PurchaseRequest request = purchase(member.passport(), "300.00", "gastro");
    gastro.api().purchases().postPurchase(key(), request);
    problem(failing(() -> gastro.api().purchases().postPurchase(key(), request)), 409);
    assertEquals(15L, member.api().member().getMyCabinet().getPointsBalance());
  }

  @Test
  void credentialsAreCheckedBeforeAnything() throws ApiException {
    MemberFixture member = club.member();
    PurchaseRequest request = purchase(member.passport(), "300.00", "gastro");
    problem(failing(() -> Fixtures.anonymous().purchases().postPurchase(key(), request)), 401);
    // One character changed (never to itself: the key is random and may hold an 'x' there).
    char changed = gastro.apiKey().charAt(20) == 'x' ? 'y' : 'x';
    String forged = gastro.apiKey().substring(0, 20) + changed + gastro.apiKey().substring(21);
    problem(failing(() -> Fixtures.as(forged).purchases().postPurchase(key(), request)), 401);
    problem(
        failing(() -> Fixtures.as("not-a-credential").purchases().postPurchase(key(), request)),
        401);

    PartnerFixture readOnly = club.partner(List.of(ScopesEnum.PURCHASES_READ), "gastro");
    problem(failing(() -> readOnly.api().purchases().postPurchase(key(), request)), 403);
    assertEquals(0L, member.api().member().getMyCabinet().getPointsBalance());
  }

  @Test
  void thePartnerListsItsReceiptsNewestFirstWithoutPersonalData() throws ApiException {
    PartnerFixture partner = club.partner("books");
    MemberFixture member = club.member();
    for (int i = 0; i < 3; i++) {
      partner
          .api()
          .purchases()
          .postPurchase(key(), purchase(member.passport(), (100 + i) + ".00", "books"));
    }
    var page1 = partner.api().purchases().listPurchases(2, null);
    assertEquals(2, page1.getItems().size());
    var page2 = partner.api().purchases().listPurchases(2, page1.getNextCursor());
    assertEquals(1, page2.getItems().size());
    assertNull(page2.getNextCursor());
    List<String> amounts = new ArrayList<>();
    page1.getItems().forEach(r -> amounts.add(r.getAmount().getAmount()));
    page2.getItems().forEach(r -> amounts.add(r.getAmount().getAmount()));
    assertEquals(List.of("102.00", "101.00", "100.00"), amounts);
    Receipt r = page1.getItems().get(0);
    assertEquals(member.passport(), r.getPassportCode());
    assertEquals(club.slug(), r.getClub());
  }
}
