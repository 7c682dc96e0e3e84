package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static club.bloom.e2e.Fixtures.rub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.CounterRegistration;
import club.bloom.client.model.CounterRegistrationResult;
import club.bloom.client.model.MemberCard;
import club.bloom.client.model.MemberStatus;
import club.bloom.client.model.PartnershipDetails;
import club.bloom.client.model.PartnershipTerms;
import club.bloom.client.model.PurchaseRequest;
import club.bloom.client.model.PurchaseResult;
import club.bloom.client.model.RedemptionRequest;
import club.bloom.client.model.RedemptionResult;
import club.bloom.client.model.RefundResult;
import club.bloom.devstack.BloomApi;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the cashier's web terminal does, through the API with a cashier's own login (platform realm,
 * role {@code cashier} in the partner's organization; ADR 0025, 0043): it reads its partner's clubs
 * and categories, looks a member up with her progress, records a purchase, a refund, a payment with
 * points and a registration at the counter — and a purchase resent from the terminal's offline
 * queue with its Idempotency-Key, even while the first attempt is still running, is recorded once.
 */
class CashierTerminalIT {
  static ClubFixture club;
  static PartnerFixture partner;
  static PartnerFixture otherPartner;
  static BloomApi cashier;

  @BeforeAll
  static void tenants() throws ApiException {
    club = Fixtures.club();
    partner = club.partner("florist", "spa");
    Fixtures.operator()
        .platform()
        .linkPartner(
            club.slug(),
            partner.slug(),
            new PartnershipTerms().categories(List.of("florist", "spa")).redemptionEnabled(true));
    otherPartner = Fixtures.club().partner("florist");
    cashier = partner.staff("cashier");
  }

  @Test
  void theCashierReadsItsPartnersClubsAndCategoriesAndNoOtherPartners() throws ApiException {
    List<PartnershipDetails> clubs = cashier.partnerships().listPartnerClubs(partner.slug());
    PartnershipDetails mine =
        clubs.stream().filter(c -> club.slug().equals(c.getClub())).findFirst().orElseThrow();
    assertEquals(Set.of("florist", "spa"), new HashSet<>(mine.getCategories()));
    assertEquals(PartnershipDetails.StatusEnum.ACTIVE, mine.getStatus());
    // Another partner's slug looks like no partner at all.
    problem(failing(() -> cashier.partnerships().listPartnerClubs(otherPartner.slug())), 404);
    // Its cashier does not see this partner's clubs either.
    BloomApi otherCashier = otherPartner.staff("cashier");
    problem(failing(() -> otherCashier.partnerships().listPartnerClubs(partner.slug())), 404);
  }

  @Test
  void theMemberCardTellsTheCashierTheProgressToTheNextTier() throws ApiException {
    MemberFixture member = club.member();
    cashier.purchases().postPurchase(key(), purchase(member.passport(), "12000.00", "florist"));

    MemberCard card = cashier.purchases().lookupMember(member.passport());

    assertNotNull(card.getProgress(), "the card carries the progress");
    assertEquals("vip", card.getProgress().getNextTier().getCode());
    assertEquals("12000.00", card.getProgress().getSpentInWindow().getAmount());
    assertEquals("18000.00", card.getProgress().getAmountLeft().getAmount());
    assertFalse(card.getProgress().getText().isBlank());
  }

  @Test
  void aPurchaseResentWithItsKeyWhileTheFirstAttemptRunsIsRecordedOnce() throws Exception {
    MemberFixture member = club.member();
    PurchaseRequest request = purchase(member.passport(), "2500.00", "spa");
    String key = key();
    int attempts = 6;
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<PurchaseResult>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < attempts; i++) {
        Callable<PurchaseResult> send =
            () -> {
              start.await();
              return cashier.purchases().postPurchase(key, request);
            };
        answers.add(pool.submit(send));
      }
      start.countDown();
      Set<UUID> ids = new HashSet<>();
      for (Future<PurchaseResult> answer : answers) {
        ids.add(answer.get(60, TimeUnit.SECONDS).getPurchaseId());
      }
      assertEquals(1, ids.size(), "every attempt answers the same purchase: " + ids);
    } finally {
      pool.shutdownNow();
    }
    long recorded =
        partner.api().purchases().listPurchases(100, null).getItems().stream()
            .filter(r -> request.getReceiptNumber().equals(r.getReceiptNumber()))
            .count();
    assertEquals(1, recorded, "the receipt is recorded once");
    assertEquals(125L, member.api().member().getMyCabinet().getPointsBalance());
  }

  @Test
  void theCashierRefundsByReceiptAndTakesPointsConfirmedByTheMembersCode() throws ApiException {
    MemberFixture member = club.member();
    PurchaseResult bought =
        cashier
            .purchases()
            .postPurchase(key(), purchase(member.passport(), "10000.00", "florist", 30));
    assertEquals(500L, bought.getPointsEarned());

    RefundResult refunded =
        cashier.purchases().postRefund(key(), Fixtures.refund(bought.getReceiptNumber(), "2000"));
    assertEquals(100L, refunded.getPointsReversed());
    assertEquals(400L, refunded.getPointsBalance());

    String code = member.api().member().requestRedemptionCode(null).getCode();
    RedemptionResult paid =
        cashier
            .purchases()
            .postRedemption(
                key(),
                new RedemptionRequest()
                    .passportCode(member.passport())
                    .amount(rub("1000.00"))
                    .category("florist")
                    .occurredAt(OffsetDateTime.now(ZoneOffset.ofHours(3)).withNano(0))
                    .receiptNumber(Fixtures.unique("T"))
                    .pointsToRedeem(200L)
                    .confirmationCode(code));
    assertEquals(200L, paid.getPointsRedeemed());
    assertEquals("800.00", paid.getAmountPaidWithMoney().getAmount());
    assertEquals(400L - 200L + 40L, paid.getPointsBalance());
  }

  @Test
  void theCashierRegistersANewMemberAtTheCounterAndHerPurchaseCountsAtOnce() throws ApiException {
    String phone =
        "+7999" + String.format("%07d", new java.security.SecureRandom().nextInt(10_000_000));
    CounterRegistrationResult registered =
        cashier
            .purchases()
            .registerAtCounter(club.slug(), key(), new CounterRegistration().phone(phone));
    assertFalse(registered.getExisting());
    assertTrue(registered.getConfirmationUrl().toString().contains("/confirm/"));

    PurchaseResult first =
        cashier
            .purchases()
            .postPurchase(key(), purchase(registered.getPassportCode(), "1000.00", "florist"));
    assertTrue(first.getPointsEarned() > 0);
    MemberCard card = cashier.purchases().lookupMember(registered.getPassportCode());
    assertEquals(MemberStatus.AWAITING_CONFIRMATION, card.getStatus());
  }
}
