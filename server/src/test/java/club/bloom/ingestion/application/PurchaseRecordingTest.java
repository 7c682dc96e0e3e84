package club.bloom.ingestion.application;

import static club.bloom.ingestion.application.InMemoryIntake.key;
import static club.bloom.ingestion.application.InMemoryIntake.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.idempotency.domain.IdempotencyKeyReused;
import club.bloom.ingestion.application.PurchaseRecording.PurchaseRecorded;
import club.bloom.ingestion.domain.DuplicateReceipt;
import club.bloom.ingestion.domain.Purchase;
import club.bloom.ingestion.domain.Receipt;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.PassportCode;
import club.bloom.membership.domain.UnknownPassport;
import club.bloom.onboarding.domain.PartnershipEnded;
import club.bloom.rules.domain.Grant;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
import club.bloom.tiers.domain.TierChange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Recording a purchase, through the intake, with the club's stores in memory. */
class PurchaseRecordingTest {
  private final InMemoryIntake club = new InMemoryIntake();

  private PurchaseRecorded record(Member m, String amount, String category, String receipt) {
    return club.intake.record(
        club.partner.id(), key("k-" + receipt), purchase(m, amount, category, receipt));
  }

  @Test
  void aNewMemberEarnsTheLowestTiersPercentRoundedDownAndEntersIt() {
    Member anna = club.member(null);

    PurchaseRecorded r = record(anna, "1999.99", "gastro", "R-1");

    // 5 % of 1 999,99 is 99,9995: whole points only, rounded down.
    assertEquals(99, r.pointsEarned());
    assertEquals(99, r.pointsBalance());
    assertEquals(99, club.balance(anna));
    assertEquals("insider", r.tierCode());
    assertEquals(Optional.of("insider"), anna.tier());
    assertEquals(
        List.of("-→insider purchase"), club.tierChangesOf(anna).stream().map(this::text).toList());
  }

  @Test
  void aNewPurchaseIsAnnouncedOnceInItsTransactionAndAReplayAnnouncesNothing() {
    Member anna = club.member(null);

    PurchaseRecorded r = record(anna, "1000.00", "gastro", "R-9");
    record(anna, "1000.00", "gastro", "R-9"); // the same key and body: a replay

    List<club.bloom.ingestion.domain.PurchaseAccepted> announced =
        club.fired.stream()
            .filter(club.bloom.ingestion.domain.PurchaseAccepted.class::isInstance)
            .map(club.bloom.ingestion.domain.PurchaseAccepted.class::cast)
            .toList();
    assertEquals(1, announced.size(), "announced once (webhooks, ADR 0042)");
    assertEquals(r.purchaseId(), announced.get(0).purchaseId());
    assertEquals(anna.id(), announced.get(0).memberId());
    assertEquals(anna.passport().value(), announced.get(0).passportCode());
    assertEquals(club.partner.id(), announced.get(0).partner());
    assertEquals(
        1,
        club.fired.stream().filter(club.bloom.tiers.domain.TierChanged.class::isInstance).count(),
        "her first purchase put her in the lowest tier");
  }

  @Test
  void bothSidesAreWrittenUnderOneIdAndThePurchaseIsMetered() {
    Member anna = club.member(null);

    PurchaseRecorded r = record(anna, "1500.00", "florist", "R-2");

    Purchase fact = club.purchases.get(r.purchaseId());
    Receipt receipt = club.receipts.get(club.partner.schema() + "/R-2");
    assertEquals(anna.id(), fact.memberId());
    assertEquals(club.partner.id().value(), fact.partnerId());
    assertEquals(Money.rub("1500.00"), fact.amount());
    assertEquals(r.purchaseId(), receipt.id());
    assertEquals(club.club.id().value(), receipt.clubId());
    assertEquals(anna.passport().value(), receipt.passportCode());
    assertEquals(List.of("flora@bloom-care"), club.metered);
  }

  @Test
  void theMemberEarnsAtHerCurrentTiersPercent() {
    Member vera = club.member("vip");

    assertEquals(70, record(vera, "1000.00", "spa", "R-3").pointsEarned());
  }

  @Test
  void ruleBonusesAddToTheBaseAccrual() {
    Member anna = club.member(null);
    club.ruleBonuses.add(new Grant("double-spa", "points", 40, null, "twice on spa"));

    PurchaseRecorded r = record(anna, "1000.00", "spa", "R-4");

    assertEquals(90, r.pointsEarned());
    assertEquals(90, club.balance(anna));
    assertEquals("double-spa", r.bonuses().get(0).rule());
  }

  @Test
  void spendAndNewCategoriesInTheWindowLiftTheMemberToVipWithProgressToTheNextTier() {
    Member anna = club.member(null);
    record(anna, "12000.00", "gastro", "R-5");
    PurchaseRecorded second = record(anna, "12000.00", "cosmetology", "R-6");
    assertEquals("insider", second.tierCode());
    assertEquals(Money.rub("6000.00"), second.progress().amountLeft());
    assertEquals(1, second.progress().categoriesLeft());
    assertEquals("vip", second.progress().nextTierCode());

    PurchaseRecorded third = record(anna, "6000.00", "spa", "R-7");

    assertEquals("vip", third.tierCode());
    assertEquals(Optional.of("vip"), anna.tier());
    assertEquals("elite", third.progress().nextTierCode());
    assertEquals(
        List.of("-→insider purchase", "insider→vip purchase"),
        club.tierChangesOf(anna).stream().map(this::text).toList());
  }

  @Test
  void aPurchaseNeverLowersATier() {
    Member elena = club.member("elite");

    PurchaseRecorded r = record(elena, "100.00", "wine", "R-8");

    assertEquals("elite", r.tierCode());
    assertEquals(Optional.of("elite"), elena.tier());
    assertTrue(club.tierChangesOf(elena).isEmpty());
  }

  @Test
  void aRetryUnderTheSameKeyAnswersTheStoredResultAndRecordsNothingTwice() {
    Member anna = club.member(null);
    var command = purchase(anna, "1000.00", "gastro", "R-9");
    PurchaseRecorded first = club.intake.record(club.partner.id(), key("retry"), command);

    PurchaseRecorded again = club.intake.record(club.partner.id(), key("retry"), command);

    assertEquals(first, again);
    assertEquals(1, club.purchases.size());
    assertEquals(1, club.receipts.size());
    assertEquals(50, club.balance(anna));
    assertEquals(1, club.metered.size());
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefused() {
    Member anna = club.member(null);
    club.intake.record(club.partner.id(), key("k"), purchase(anna, "1000.00", "gastro", "R-10"));

    assertThrows(
        IdempotencyKeyReused.class,
        () ->
            club.intake.record(
                club.partner.id(), key("k"), purchase(anna, "1000.01", "gastro", "R-10")));
    assertEquals(1, club.purchases.size());
  }

  @Test
  void aReceiptNumberIsRecordedOnceEvenUnderAnotherKey() {
    Member anna = club.member(null);
    record(anna, "1000.00", "gastro", "R-11");

    assertThrows(
        DuplicateReceipt.class,
        () ->
            club.intake.record(
                club.partner.id(), key("other"), purchase(anna, "1000.00", "gastro", "R-11")));
    assertEquals(1, club.purchases.size());
    assertEquals(50, club.balance(anna));
  }

  @Test
  void aPassportOfNoMemberIsNotFoundAndNothingIsWritten() {
    PassportCode stranger = PassportCode.generate();
    club.passports.put(stranger, club.club.id());

    assertThrows(
        UnknownPassport.class,
        () ->
            club.intake.record(
                club.partner.id(),
                key("x"),
                new PurchaseRecording.RecordPurchase(
                    stranger.value(), Money.rub("100.00"), "gastro", InMemoryIntake.NOW, "R-12")));
    assertNothingWritten();
  }

  @Test
  void aPartnerThatIsNotInTheMembersClubGetsTheSameNotFound() {
    Member anna = club.member(null);

    UnknownPassport refused =
        assertThrows(
            UnknownPassport.class,
            () ->
                club.intake.record(
                    club.otherPartner.id(), key("x"), purchase(anna, "100.00", "gastro", "R-13")));
    assertEquals("unknown-passport", refused.type());
    assertNothingWritten();
  }

  @Test
  void aPartnershipTheClubEndedTakesNoMorePurchases() {
    Member anna = club.member(null);
    club.partnerships.values().forEach(p -> p.end(InMemoryIntake.NOW));

    assertThrows(PartnershipEnded.class, () -> record(anna, "100.00", "gastro", "R-14"));
    assertNothingWritten();
  }

  @Test
  void aCategoryThePartnershipDoesNotAllowIsRefusedNamingTheAllowedOnes() {
    Member anna = club.member(null);

    InvalidInput refused =
        assertThrows(InvalidInput.class, () -> record(anna, "100.00", "fitness", "R-15"));

    assertEquals("category", refused.fields().get(0).field());
    assertTrue(refused.fields().get(0).reason().contains("allowed"));
    assertNothingWritten();
  }

  @Test
  void aCategoryTheClubDoesNotHaveIsRefused() {
    Member anna = club.member(null);
    club.categories.remove("wine");

    assertThrows(InvalidInput.class, () -> record(anna, "100.00", "wine", "R-16"));
    assertNothingWritten();
  }

  @Test
  void aMalformedPassportCodeIsRefusedAsInput() {
    InvalidInput refused =
        assertThrows(
            InvalidInput.class,
            () ->
                club.intake.record(
                    club.partner.id(),
                    key("x"),
                    new PurchaseRecording.RecordPurchase(
                        "NOT-A-CODE", Money.rub("1.00"), "gastro", InMemoryIntake.NOW, "R-17")));
    assertEquals("passportCode", refused.fields().get(0).field());
    assertNothingWritten();
  }

  private void assertNothingWritten() {
    assertTrue(club.purchases.isEmpty());
    assertTrue(club.receipts.isEmpty());
    assertTrue(club.movements.isEmpty());
    assertTrue(club.tierHistory.isEmpty());
    assertTrue(club.metered.isEmpty());
    assertTrue(club.storedResults.isEmpty());
  }

  private String text(TierChange c) {
    return c.fromTier().orElse("-") + "→" + c.toTier() + " " + c.reason();
  }

  @Test
  void aMemberWithoutTierAndNoLadderEarnsNothing() {
    Member anna = club.member(null);
    club.ladder.clear();

    PurchaseRecorded r = record(anna, "1000.00", "gastro", "R-18");

    assertEquals(0, r.pointsEarned());
    assertNull(r.tierCode());
  }
}
