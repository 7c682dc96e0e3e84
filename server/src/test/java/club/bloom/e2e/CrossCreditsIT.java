package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.Currency;
import club.bloom.client.model.CurrencyBalance;
import club.bloom.client.model.PartnershipTerms;
import club.bloom.client.model.PurchaseRequest;
import club.bloom.client.model.RedemptionRequest;
import club.bloom.client.model.RedemptionResult;
import club.bloom.client.model.RefundResult;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cross-credits, as Bloom&Care's default rules grant them (3 % of a purchase, 10 days): spendable
 * only at partners other than the one whose purchase granted them, shown in the cabinet with their
 * expiry, taken back in proportion when the purchase is refunded, and given back in kind when a
 * receipt they paid is refunded.
 */
class CrossCreditsIT {
  static ClubFixture club;
  static PartnerFixture florist;
  static PartnerFixture spa;

  @BeforeAll
  static void club() throws ApiException {
    club = Fixtures.club();
    club.admin()
        .clubs()
        .defineCurrencies(
            club.slug(),
            List.of(
                new Currency().code("points").name("Баллы").rubleValue("1"),
                new Currency()
                    .code("cross-credits")
                    .name("Кросс-кредиты")
                    .rubleValue("1")
                    .onlyAtOtherPartners(true)));
    club.admin().rules().defineEarningRules(club.slug(), EarningRulesIT.bloomCareRules(), null);
    florist = optedIn(club.partner("florist"), "florist");
    spa = optedIn(club.partner("spa"), "spa");
  }

  static PartnerFixture optedIn(PartnerFixture partner, String category) throws ApiException {
    Fixtures.operator()
        .platform()
        .linkPartner(
            club.slug(),
            partner.slug(),
            new PartnershipTerms().categories(List.of(category)).redemptionEnabled(true));
    return partner;
  }

  static CurrencyBalance crossCredits(MemberFixture member) throws ApiException {
    return member.api().member().getMyCabinet().getBalances().stream()
        .filter(b -> b.getCurrency().equals("cross-credits"))
        .findFirst()
        .orElseThrow();
  }

  static RedemptionRequest payWithCrossCredits(
      MemberFixture member, String category, String amount, long credits) throws ApiException {
    return RedemptionIT.redemption(member, amount, credits, RedemptionIT.code(member))
        .category(category)
        .currency("cross-credits");
  }

  @Test
  void crossCreditsPayOnlyElsewhereComeBackInKindAndLeaveWithTheirPurchase() throws Exception {
    MemberFixture member = club.member();
    PurchaseRequest flowers = purchase(member.passport(), "10000.00", "florist", 30);
    var bought = florist.api().purchases().postPurchase(key(), flowers);
    assertTrue(
        bought.getBonuses().stream()
            .anyMatch(b -> b.getCurrency().equals("cross-credits") && b.getPoints() == 300),
        bought.toString());
    CurrencyBalance granted = crossCredits(member);
    assertEquals(300L, granted.getActive());
    assertTrue(granted.getOnlyAtOtherPartners());
    assertEquals(300L, granted.getNextExpiry().getPoints());
    OffsetDateTime in10Days = OffsetDateTime.now().plusDays(10);
    assertTrue(
        Math.abs(granted.getNextExpiry().getAt().toEpochSecond() - in10Days.toEpochSecond()) < 3600,
        "they expire in 10 days: " + granted.getNextExpiry().getAt());
    long pointsBefore = member.api().member().getMyCabinet().getPointsBalance();

    // Not at the florist whose purchase granted them: refused, nothing debited or recorded.
    RedemptionRequest atFlorist = payWithCrossCredits(member, "florist", "1000.00", 100);
    JsonNode refused =
        problem(failing(() -> florist.api().purchases().postRedemption(key(), atFlorist)), 422);
    assertTrue(refused.get("type").asText().endsWith("/cannot-redeem"), refused.toString());
    assertTrue(refused.get("detail").asText().contains("only 0"), refused.toString());
    assertEquals(300L, crossCredits(member).getActive());

    // At the spa they pay; the spa purchase earns its own cross-credits on the money part.
    RedemptionRequest atSpa = payWithCrossCredits(member, "spa", "1000.00", 100);
    RedemptionResult paid = spa.api().purchases().postRedemption(key(), atSpa);
    assertEquals("cross-credits", paid.getCurrency());
    assertEquals(100L, paid.getPointsRedeemed());
    assertEquals("900.00", paid.getAmountPaidWithMoney().getAmount());
    assertEquals(300L - 100L + 27L, crossCredits(member).getActive());
    assertEquals(
        pointsBefore,
        member.api().member().getMyCabinet().getPointsBalance() - paid.getPointsEarned(),
        "ordinary points were not touched by a cross-credit payment");

    // Half the flowers go back: half of their 300 cross-credits leave.
    RefundResult halfFlowers =
        florist
            .api()
            .purchases()
            .postRefund(key(), Fixtures.refund(flowers.getReceiptNumber(), "5000.00"));
    assertEquals(Map.of("cross-credits", 150L), halfFlowers.getReversedInOtherCurrencies());
    assertEquals(227L - 150L, crossCredits(member).getActive());

    // The spa receipt goes back: its 100 cross-credits return, its own 27 leave.
    RefundResult spaBack =
        spa.api()
            .purchases()
            .postRefund(key(), Fixtures.refund(atSpa.getReceiptNumber(), "1000.00"));
    assertEquals("cross-credits", spaBack.getReturnedCurrency());
    assertEquals(100L, spaBack.getPointsReturned());
    assertEquals(Map.of("cross-credits", 27L), spaBack.getReversedInOtherCurrencies());
    assertEquals(77L + 100L - 27L, crossCredits(member).getActive());

    // Returned credits count as the spa's: the florist may take them, the spa may not.
    JsonNode notAtSpa =
        problem(
            failing(
                () ->
                    spa.api()
                        .purchases()
                        .postRedemption(key(), payWithCrossCredits(member, "spa", "1000.00", 51))),
            422);
    assertTrue(notAtSpa.get("detail").asText().contains("only 50"), notAtSpa.toString());
    RedemptionResult back =
        florist
            .api()
            .purchases()
            .postRedemption(key(), payWithCrossCredits(member, "florist", "1000.00", 100));
    assertEquals(100L, back.getPointsRedeemed());
    Fixtures.assertLedgerReconciles(club);
  }

  @Test
  void anUnknownCurrencyIsRefusedNamingTheClubsCurrencies() throws Exception {
    MemberFixture member = club.member();
    florist
        .api()
        .purchases()
        .postPurchase(key(), purchase(member.passport(), "2000.00", "florist", 30));
    RedemptionRequest request =
        RedemptionIT.redemption(member, "1000.00", 10, RedemptionIT.code(member))
            .category("spa")
            .currency("miles");
    JsonNode problem =
        problem(failing(() -> spa.api().purchases().postRedemption(key(), request)), 400);
    assertEquals(List.of("currency"), Fixtures.fields(problem));
    assertTrue(problem.toString().contains("cross-credits"), problem.toString());
  }
}
