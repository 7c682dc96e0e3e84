package club.bloom.ingestion.application;

import static club.bloom.ingestion.application.InMemoryIntake.key;
import static club.bloom.ingestion.application.InMemoryIntake.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.ingestion.application.RefundRecording.RefundRecorded;
import club.bloom.membership.domain.Member;
import club.bloom.shared.domain.Conflict;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
import club.bloom.shared.domain.NotFound;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Recording a refund, through the intake, with the club's stores in memory. */
class RefundRecordingTest {
  private final InMemoryIntake club = new InMemoryIntake();

  private void bought(Member m, String amount, String category, String receipt) {
    club.intake.record(
        club.partner.id(), key("p-" + receipt), purchase(m, amount, category, receipt));
  }

  private RefundRecorded refund(String receipt, String number, String amount) {
    return club.intake.refund(
        club.partner.id(), key("r-" + number), InMemoryIntake.refund(receipt, number, amount));
  }

  @Test
  void partialRefundsTakeBackPointsInProportionAndAddUpToExactlyTheWhole() {
    Member anna = club.member(null);
    bought(anna, "1999.99", "gastro", "R-1"); // 99 points

    RefundRecorded first = refund("R-1", "F-1", "1000.00");
    // 99 × 1000 / 1999.99 = 49.5…: rounded down.
    assertEquals(49, first.pointsReversed());
    assertEquals(Money.rub("1000.00"), first.refundedTotal());
    assertEquals(50, club.balance(anna));

    RefundRecorded rest = refund("R-1", "F-2", "999.99");

    // Counted over both refunds: 99 in all, not 49 + 49.
    assertEquals(50, rest.pointsReversed());
    assertEquals(Money.rub("1999.99"), rest.refundedTotal());
    assertEquals(0, club.balance(anna));
    assertEquals(2, club.purchaseRefunds.size());
    assertEquals(2, club.receiptRefunds.size());
  }

  @Test
  void aFullRefundOfWhatQualifiedTheMemberTakesTheTierBackAtOnce() {
    Member anna = club.member(null);
    bought(anna, "12000.00", "gastro", "R-2");
    bought(anna, "12000.00", "cosmetology", "R-3");
    bought(anna, "6000.00", "spa", "R-4");
    assertEquals(Optional.of("vip"), anna.tier());

    RefundRecorded r = refund("R-4", "F-3", "6000.00");

    assertEquals("insider", r.tierCode());
    assertEquals(Optional.of("insider"), anna.tier());
    assertEquals("vip", r.progress().nextTierCode());
    var last = club.tierChangesOf(anna).get(club.tierChangesOf(anna).size() - 1);
    assertEquals(Optional.of("vip"), last.fromTier());
    assertEquals("insider", last.toTier());
    assertEquals("refund", last.reason());
  }

  @Test
  void aPartialRefundThatLeavesTheTiersSpendKeepsTheTier() {
    Member anna = club.member(null);
    bought(anna, "20000.00", "gastro", "R-5");
    bought(anna, "10000.00", "cosmetology", "R-6");
    bought(anna, "5000.00", "spa", "R-7");
    assertEquals(Optional.of("vip"), anna.tier());

    RefundRecorded r = refund("R-5", "F-4", "5000.00");

    assertEquals("vip", r.tierCode());
    assertEquals(Optional.of("vip"), anna.tier());
  }

  @Test
  void anInvitationOnlyTierIsNotTakenByARefund() {
    Member irina = club.member("inner-circle");
    bought(irina, "1000.00", "wine", "R-8");

    RefundRecorded r = refund("R-8", "F-5", "1000.00");

    assertEquals("inner-circle", r.tierCode());
    assertTrue(club.tierChangesOf(irina).isEmpty());
  }

  @Test
  void moreThanIsLeftToRefundIsRefusedAndNothingIsWritten() {
    Member anna = club.member(null);
    bought(anna, "1000.00", "gastro", "R-9");
    refund("R-9", "F-6", "600.00");

    InvalidInput refused = assertThrows(InvalidInput.class, () -> refund("R-9", "F-7", "400.01"));

    assertEquals("amount.amount", refused.fields().get(0).field());
    assertTrue(refused.fields().get(0).reason().contains("400.00"), refused.fields().toString());
    assertEquals(1, club.purchaseRefunds.size());
    assertEquals(1, club.receiptRefunds.size());
    assertEquals(20, club.balance(anna));
  }

  @Test
  void aRefundOfAnUnknownReceiptIsNotFound() {
    NotFound refused = assertThrows(NotFound.class, () -> refund("R-404", "F-8", "1.00"));

    assertEquals("unknown-receipt", refused.type());
    assertTrue(club.purchaseRefunds.isEmpty());
  }

  @Test
  void anotherPartnersReceiptIsUnknownToThisPartner() {
    Member anna = club.member(null);
    bought(anna, "1000.00", "gastro", "R-10");

    assertThrows(
        NotFound.class,
        () ->
            club.intake.refund(
                club.otherPartner.id(),
                key("r-x"),
                InMemoryIntake.refund("R-10", "F-9", "100.00")));
    assertTrue(club.purchaseRefunds.isEmpty());
    assertEquals(50, club.balance(anna));
  }

  @Test
  void aRefundNumberIsRecordedOnceEvenUnderAnotherKey() {
    Member anna = club.member(null);
    bought(anna, "1000.00", "gastro", "R-11");
    refund("R-11", "F-10", "100.00");

    Conflict refused =
        assertThrows(
            Conflict.class,
            () ->
                club.intake.refund(
                    club.partner.id(),
                    key("another-key"),
                    InMemoryIntake.refund("R-11", "F-10", "100.00")));
    assertEquals("duplicate-refund", refused.type());
    assertEquals(1, club.purchaseRefunds.size());
  }

  @Test
  void aRetryUnderTheSameKeyTakesNothingBackTwice() {
    Member anna = club.member(null);
    bought(anna, "1000.00", "gastro", "R-12");
    var command = InMemoryIntake.refund("R-12", "F-11", "500.00");
    RefundRecorded first = club.intake.refund(club.partner.id(), key("same"), command);

    RefundRecorded again = club.intake.refund(club.partner.id(), key("same"), command);

    assertEquals(first, again);
    assertEquals(1, club.purchaseRefunds.size());
    assertEquals(25, club.balance(anna));
  }

  @Test
  void pointsThatPaidPartOfTheReceiptComeBackInProportion() {
    Member anna = club.member(null);
    club.grant(anna, 1000);
    club.intake.redeem(
        club.partner.id(),
        key("d-1"),
        new RedemptionRecording.RecordRedemption(
            purchase(anna, "2000.00", "gastro", "R-13"),
            null,
            400,
            InMemoryIntake.CONFIRMATION_CODE));
    // 1000 − 400 redeemed + 5 % of the 1 600 paid with money.
    assertEquals(680, club.balance(anna));

    RefundRecorded r = refund("R-13", "F-12", "1000.00");

    assertEquals(200, r.pointsReturned());
    assertEquals("points", r.returnedCurrency());
    assertEquals(40, r.pointsReversed());
    assertEquals(840, club.balance(anna));
    assertNull(r.reversedInOtherCurrencies().get("points"));
  }

  @Test
  void theRefundIsWrittenOnBothSides() {
    Member anna = club.member(null);
    bought(anna, "1000.00", "gastro", "R-14");

    RefundRecorded r = refund("R-14", "F-13", "100.00");

    assertEquals(List.of(r.refundId()), club.purchaseRefunds.stream().map(x -> x.id()).toList());
    assertEquals(1, club.receiptRefunds.size());
  }
}
