package club.bloom.ingestion.application;

import static club.bloom.ingestion.application.InMemoryIntake.CONFIRMATION_CODE;
import static club.bloom.ingestion.application.InMemoryIntake.key;
import static club.bloom.ingestion.application.InMemoryIntake.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.ingestion.application.RedemptionRecording.RecordRedemption;
import club.bloom.ingestion.application.RedemptionRecording.RedemptionRecorded;
import club.bloom.ingestion.domain.RedemptionNotEnabled;
import club.bloom.ledger.domain.CannotRedeem;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberNotConfirmed;
import club.bloom.membership.domain.UnknownPassport;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
import org.junit.jupiter.api.Test;

/** Paying part of a receipt with points, through the intake, with the stores in memory. */
class RedemptionRecordingTest {
  private final InMemoryIntake club = new InMemoryIntake();

  private RedemptionRecorded redeem(Member m, String amount, long points, String receipt) {
    return club.intake.redeem(
        club.partner.id(),
        key("d-" + receipt),
        new RecordRedemption(purchase(m, amount, "spa", receipt), null, points, CONFIRMATION_CODE));
  }

  @Test
  void pointsPayPartOfTheReceiptAndTheRestEarnsAtTheTiersPercent() {
    Member anna = club.member("insider");
    club.grant(anna, 500);

    RedemptionRecorded r = redeem(anna, "3000.00", 500, "R-1");

    assertEquals(500, r.pointsRedeemed());
    assertEquals(Money.rub("500.00"), r.amountPaidWithPoints());
    assertEquals(Money.rub("2500.00"), r.amountPaidWithMoney());
    // 5 % of the 2 500 paid with money; the 500 points are gone.
    assertEquals(125, r.purchase().pointsEarned());
    assertEquals(125, club.balance(anna));
    assertEquals(Money.rub("3000.00"), club.purchases.get(r.purchase().purchaseId()).amount());
    assertEquals(500, club.purchases.get(r.purchase().purchaseId()).pointsRedeemed());
  }

  @Test
  void moreThanTheActivePointsIsRefusedAndNothingIsWritten() {
    Member anna = club.member("insider");
    club.grant(anna, 100);
    int before = club.movements.size();

    assertThrows(CannotRedeem.class, () -> redeem(anna, "3000.00", 101, "R-2"));

    assertEquals(100, club.balance(anna));
    assertEquals(before, club.movements.size());
    assertTrue(club.purchases.isEmpty());
    assertTrue(club.receipts.isEmpty());
  }

  @Test
  void pointsMayPayAtMostTheClubsShareOfTheReceipt() {
    Member anna = club.member("insider");
    club.grant(anna, 5000);

    InvalidInput refused =
        assertThrows(InvalidInput.class, () -> redeem(anna, "1000.00", 501, "R-3"));

    assertEquals("pointsToRedeem", refused.fields().get(0).field());
    assertTrue(refused.fields().get(0).reason().contains("at most 500"));
    assertEquals(5000, club.balance(anna));
  }

  @Test
  void aWrongCodeRedeemsNothing() {
    Member anna = club.member("insider");
    club.grant(anna, 500);

    assertThrows(
        InvalidInput.class,
        () ->
            club.intake.redeem(
                club.partner.id(),
                key("d-x"),
                new RecordRedemption(
                    purchase(anna, "1000.00", "spa", "R-4"), null, 100, "000000")));
    assertEquals(500, club.balance(anna));
    assertTrue(club.purchases.isEmpty());
  }

  @Test
  void aPartnershipWithoutRedemptionRefusesIt() {
    Member anna = club.member("insider");
    club.grant(anna, 500);
    club.partnerships.values().forEach(p -> p.enableRedemption(false));

    assertThrows(RedemptionNotEnabled.class, () -> redeem(anna, "1000.00", 100, "R-5"));
    assertEquals(500, club.balance(anna));
  }

  @Test
  void aMemberNotConfirmedYetCannotSpend() {
    Member pending = club.unconfirmedMember();
    club.grant(pending, 500);

    assertThrows(MemberNotConfirmed.class, () -> redeem(pending, "1000.00", 100, "R-6"));
    assertEquals(500, club.balance(pending));
  }

  @Test
  void aPartnerOutsideTheMembersClubGetsNotFound() {
    Member anna = club.member("insider");
    club.grant(anna, 500);

    assertThrows(
        UnknownPassport.class,
        () ->
            club.intake.redeem(
                club.otherPartner.id(),
                key("d-y"),
                new RecordRedemption(
                    purchase(anna, "1000.00", "spa", "R-7"), null, 100, CONFIRMATION_CODE)));
    assertEquals(500, club.balance(anna));
  }

  @Test
  void aRetryUnderTheSameKeySpendsThePointsOnce() {
    Member anna = club.member("insider");
    club.grant(anna, 500);
    RedemptionRecorded first = redeem(anna, "1000.00", 300, "R-8");

    RedemptionRecorded again = redeem(anna, "1000.00", 300, "R-8");

    assertEquals(first, again);
    assertEquals(200 + 35, club.balance(anna));
    assertEquals(1, club.purchases.size());
  }
}
