package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.fields;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static club.bloom.e2e.Fixtures.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;

import club.bloom.client.ApiException;
import club.bloom.client.model.PurchaseRequest;
import club.bloom.client.model.PurchaseResult;
import club.bloom.client.model.RefundRequest;
import club.bloom.client.model.RefundResult;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Partners refund purchases: points go back in proportion, tiers follow, nothing twice. */
class RefundsIT {
  static ClubFixture club;
  static PartnerFixture shop;
  static PartnerFixture otherShop;

  @BeforeAll
  static void club() throws ApiException {
    club = Fixtures.club();
    shop = club.partner("florist", "spa", "gastro");
    otherShop = club.partner("florist");
  }

  @Test
  void partialRefundsTakeBackPointsInProportionAndNeverMoreThanTheWhole() throws ApiException {
    MemberFixture member = club.member();
    PurchaseRequest request = purchase(member.passport(), "999.00", "florist");
    PurchaseResult bought = shop.api().purchases().postPurchase(key(), request);
    assertEquals(49L, bought.getPointsEarned());

    RefundResult first =
        shop.api().purchases().postRefund(key(), refund(request.getReceiptNumber(), "333.00"));
    assertEquals(16L, first.getPointsReversed(), "floor(49 × 333 / 999)");
    assertEquals("333.00", first.getRefundedTotal().getAmount());
    RefundResult second =
        shop.api().purchases().postRefund(key(), refund(request.getReceiptNumber(), "333.00"));
    assertEquals(16L, second.getPointsReversed(), "floor(49 × 666 / 999) − 16");
    RefundResult last =
        shop.api().purchases().postRefund(key(), refund(request.getReceiptNumber(), "333.00"));
    assertEquals(17L, last.getPointsReversed(), "the whole 49 over three refunds");
    assertEquals(0L, last.getPointsBalance());
    assertEquals(0L, member.api().member().getMyCabinet().getPointsBalance());

    var tooMuch =
        problem(
            failing(
                () ->
                    shop.api()
                        .purchases()
                        .postRefund(key(), refund(request.getReceiptNumber(), "0.01"))),
            400);
    assertEquals(List.of("amount.amount"), fields(tooMuch));
  }

  @Test
  void aFullRefundOfTheQualifyingPurchaseTakesTheTierBack() throws ApiException {
    MemberFixture member = club.member();
    shop.api()
        .purchases()
        .postPurchase(key(), purchase(member.passport(), "10000.00", "florist", 30));
    shop.api().purchases().postPurchase(key(), purchase(member.passport(), "10000.00", "spa", 20));
    PurchaseRequest third = purchase(member.passport(), "10000.00", "gastro", 10);
    PurchaseResult vip = shop.api().purchases().postPurchase(key(), third);
    assertEquals("vip", vip.getTier().getCode());

    RefundResult refunded =
        shop.api().purchases().postRefund(key(), refund(third.getReceiptNumber(), "10000.00"));

    assertEquals("insider", refunded.getTier().getCode());
    assertEquals(500L, refunded.getPointsReversed());
    assertEquals(1000L, refunded.getPointsBalance());
    assertEquals("insider", member.api().member().getMyCabinet().getTier().getCode());
    assertEquals("До VIP осталось 10 000 ₽ и 1 новая категория", refunded.getProgress().getText());
  }

  @Test
  void aRetriedRefundReversesOnceAndAnotherKeyForTheSameRefundIs409() throws ApiException {
    MemberFixture member = club.member();
    PurchaseRequest request = purchase(member.passport(), "2000.00", "florist");
    shop.api().purchases().postPurchase(key(), request);
    RefundRequest refund = refund(request.getReceiptNumber(), "1000.00");
    String key = key();

    RefundResult first = shop.api().purchases().postRefund(key, refund);
    RefundResult retry = shop.api().purchases().postRefund(key, refund);

    assertEquals(first, retry);
    assertEquals(50L, member.api().member().getMyCabinet().getPointsBalance());
    problem(failing(() -> shop.api().purchases().postRefund(key(), refund)), 409);
    assertEquals(50L, member.api().member().getMyCabinet().getPointsBalance());
  }

  @Test
  void aRefundWithoutAnOriginalOfThisPartnerIs404() throws ApiException {
    MemberFixture member = club.member();
    PurchaseRequest request = purchase(member.passport(), "2000.00", "florist");
    shop.api().purchases().postPurchase(key(), request);
    problem(
        failing(() -> shop.api().purchases().postRefund(key(), refund("NO-SUCH-RECEIPT", "1.00"))),
        404);
    problem(
        failing(
            () ->
                otherShop
                    .api()
                    .purchases()
                    .postRefund(key(), refund(request.getReceiptNumber(), "1.00"))),
        404);
    assertEquals(100L, member.api().member().getMyCabinet().getPointsBalance());
  }

  /** Purchases and refunds of one member at the same time: nothing lost, nothing doubled. */
  @Test
  void concurrentPurchasesAndRefundsOfOneMemberKeepTheLedgerBalanced() throws Exception {
    MemberFixture member = club.member();
    List<PurchaseRequest> bought = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      PurchaseRequest r = purchase(member.passport(), "1000.00", "florist");
      shop.api().purchases().postPurchase(key(), r);
      bought.add(r);
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (PurchaseRequest r : bought) {
        work.add(
            pool.submit(
                (Callable<Object>)
                    () ->
                        shop.api()
                            .purchases()
                            .postRefund(key(), refund(r.getReceiptNumber(), "500.00"))));
        work.add(
            pool.submit(
                (Callable<Object>)
                    () ->
                        shop.api()
                            .purchases()
                            .postPurchase(key(), purchase(member.passport(), "2000.00", "spa"))));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    // 6 × 50 earned, 6 × 25 taken back, 6 × 100 earned concurrently.
    assertEquals(
        6 * 50 - 6 * 25 + 6 * 100, member.api().member().getMyCabinet().getPointsBalance());

    Fixtures.assertLedgerReconciles(club);
  }
}
