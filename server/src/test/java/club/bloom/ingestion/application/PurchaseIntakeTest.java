package club.bloom.ingestion.application;

import static club.bloom.ingestion.application.InMemoryIntake.key;
import static club.bloom.ingestion.application.InMemoryIntake.purchase;
import static club.bloom.ingestion.application.InMemoryIntake.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.ingestion.application.PurchaseIntake.Failed;
import club.bloom.ingestion.application.PurchaseIntake.Outcome;
import club.bloom.ingestion.application.PurchaseIntake.PurchaseLine;
import club.bloom.ingestion.application.PurchaseIntake.Purchased;
import club.bloom.ingestion.application.PurchaseIntake.RefundLine;
import club.bloom.ingestion.application.PurchaseIntake.Refunded;
import club.bloom.ingestion.application.PurchaseIntake.Refused;
import club.bloom.membership.domain.Member;
import club.bloom.tenancy.domain.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch of lines (a CSV file, a terminal's queue) through the one recording path. */
class PurchaseIntakeTest {
  private final InMemoryIntake club = new InMemoryIntake();

  @Test
  void eachLineGetsItsOwnOutcomeAndARefusedLineNeverStopsTheOthers() {
    Member anna = club.member(null);

    List<Outcome> outcomes =
        club.intake.recordAll(
            club.partner.id(),
            List.of(
                new PurchaseLine(key("1"), purchase(anna, "1000.00", "gastro", "R-1")),
                new PurchaseLine(key("2"), purchase(anna, "1000.00", "fitness", "R-2")),
                new RefundLine(key("3"), refund("R-1", "F-1", "500.00")),
                new RefundLine(key("4"), refund("R-404", "F-2", "1.00")),
                new PurchaseLine(key("5"), purchase(anna, "2000.00", "spa", "R-3"))));

    assertEquals(5, outcomes.size());
    assertEquals(List.of(0, 1, 2, 3, 4), outcomes.stream().map(Outcome::line).toList());
    assertEquals(50, assertInstanceOf(Purchased.class, outcomes.get(0)).result().pointsEarned());
    assertEquals(
        "category",
        assertInstanceOf(Refused.class, outcomes.get(1)).problem().fields().get(0).field());
    assertEquals(25, assertInstanceOf(Refunded.class, outcomes.get(2)).result().pointsReversed());
    assertEquals(
        "unknown-receipt", assertInstanceOf(Refused.class, outcomes.get(3)).problem().type());
    assertEquals(100, assertInstanceOf(Purchased.class, outcomes.get(4)).result().pointsEarned());
    assertEquals(2, club.purchases.size());
    assertEquals(125, club.balance(anna));
  }

  @Test
  void aLineSentAgainUnderItsKeyGetsItsStoredResult() {
    Member anna = club.member(null);
    var line = new PurchaseLine(key("1"), purchase(anna, "1000.00", "gastro", "R-1"));
    var first = club.intake.recordAll(club.partner.id(), List.of(line));

    var again = club.intake.recordAll(club.partner.id(), List.of(line));

    assertEquals(
        ((Purchased) first.get(0)).result(),
        assertInstanceOf(Purchased.class, again.get(0)).result());
    assertEquals(1, club.purchases.size());
  }

  @Test
  void aFailureOtherThanARuleIsReportedForItsLineOnly() {
    Member anna = club.member(null);
    IllegalStateException outage = new IllegalStateException("database went away");
    PurchaseIntake flaky = new PurchaseIntake();
    flaky.refunds = club.refundRecording;
    flaky.redemptions = club.redemptionRecording;
    flaky.purchases =
        new PurchaseRecording() {
          @Override
          public PurchaseRecording.PurchaseRecorded record(
              TenantId partner, IdempotencyKey key, RecordPurchase command) {
            if (command.receiptNumber().equals("R-2")) {
              throw outage;
            }
            return club.purchaseRecording.record(partner, key, command);
          }

          @Override
          public PurchaseRecording.PurchaseRecorded recordWithin(
              TenantId partner, IdempotencyKey key, RecordPurchase command) {
            if (command.receiptNumber().equals("R-2")) {
              throw outage;
            }
            return club.purchaseRecording.recordWithin(partner, key, command);
          }
        };
    IntakeChunk chunk = new IntakeChunk();
    club.wireChunk(chunk);
    chunk.purchases = flaky.purchases;
    flaky.chunks = chunk;

    List<Outcome> outcomes =
        flaky.recordAll(
            club.partner.id(),
            List.of(
                new PurchaseLine(key("1"), purchase(anna, "1000.00", "gastro", "R-1")),
                new PurchaseLine(key("2"), purchase(anna, "1000.00", "gastro", "R-2")),
                new PurchaseLine(key("3"), purchase(anna, "1000.00", "gastro", "R-3"))));

    assertInstanceOf(Purchased.class, outcomes.get(0));
    assertSame(outage, assertInstanceOf(Failed.class, outcomes.get(1)).error());
    assertInstanceOf(Purchased.class, outcomes.get(2));
    assertEquals(2, club.purchases.size());
  }

  @Test
  void aChunkRollsARefusedLineBackToItsSavepointAndKeepsTheOthers() {
    Member anna = club.member(null);

    List<Outcome> outcomes =
        club.intake.recordAll(
            club.partner.id(),
            List.of(
                new PurchaseLine(key("1"), purchase(anna, "1000.00", "gastro", "R-1")),
                new PurchaseLine(key("2"), purchase(anna, "1000.00", "fitness", "R-2")),
                new PurchaseLine(key("3"), purchase(anna, "2000.00", "spa", "R-3"))));

    assertInstanceOf(Purchased.class, outcomes.get(0));
    assertInstanceOf(Refused.class, outcomes.get(1));
    assertInstanceOf(Purchased.class, outcomes.get(2));
    assertEquals(
        List.of("mark", "release", "mark", "rollback", "mark", "release"),
        club.savepointCalls,
        "one savepoint per line; only the refused line is rolled back to it");
  }

  @Test
  void aChunkHoldsLinesOfOneClubAndEndsBeforeAnotherClubsLine() {
    Member anna = club.member(null);
    Member boris = club.member(null);
    club.passports.put(boris.passport(), club.otherClub.id());
    List<List<Integer>> chunks = new java.util.ArrayList<>();
    IntakeChunk counting =
        new IntakeChunk() {
          @Override
          public List<Outcome> record(
              TenantId partner, List<PurchaseIntake.Line> lines, int from, int to) {
            List<Outcome> done = super.record(partner, lines, from, to);
            chunks.add(done.stream().map(Outcome::line).toList());
            return done;
          }
        };
    club.wireChunk(counting);
    club.intake.chunks = counting;
    club.intake.chunkLines = 3;

    List<Outcome> outcomes =
        club.intake.recordAll(
            club.partner.id(),
            List.of(
                new PurchaseLine(key("1"), purchase(anna, "1000.00", "gastro", "R-1")),
                new PurchaseLine(key("2"), purchase(anna, "1000.00", "gastro", "R-2")),
                new PurchaseLine(key("3"), purchase(boris, "1000.00", "gastro", "R-3")),
                new PurchaseLine(key("4"), purchase(anna, "1000.00", "gastro", "R-4")),
                new PurchaseLine(key("5"), purchase(anna, "1000.00", "gastro", "R-5")),
                new PurchaseLine(key("6"), purchase(anna, "1000.00", "gastro", "R-6")),
                new PurchaseLine(key("7"), purchase(anna, "1000.00", "gastro", "R-7"))));

    assertEquals(List.of(List.of(0, 1), List.of(2), List.of(3, 4, 5), List.of(6)), chunks);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), outcomes.stream().map(Outcome::line).toList());
    // The other club never let this partner in: boris's passport is unknown to it.
    assertEquals(
        "unknown-passport", assertInstanceOf(Refused.class, outcomes.get(2)).problem().type());
    assertEquals(6, club.purchases.size());
  }

  @Test
  void aChunkThatFailsIsRecordedAgainOneLineATransaction() {
    Member anna = club.member(null);
    List<String> alone = new java.util.ArrayList<>();
    PurchaseIntake intake = new PurchaseIntake();
    intake.refunds = club.refundRecording;
    intake.redemptions = club.redemptionRecording;
    intake.purchases =
        new PurchaseRecording() {
          @Override
          public PurchaseRecorded record(
              TenantId partner, IdempotencyKey key, RecordPurchase command) {
            alone.add(command.receiptNumber());
            return club.purchaseRecording.record(partner, key, command);
          }

          @Override
          public PurchaseRecorded recordWithin(
              TenantId partner, IdempotencyKey key, RecordPurchase command) {
            if (command.receiptNumber().equals("R-2")) {
              throw new IllegalStateException("deadlock detected");
            }
            return club.purchaseRecording.recordWithin(partner, key, command);
          }
        };
    IntakeChunk chunk = new IntakeChunk();
    club.wireChunk(chunk);
    chunk.purchases = intake.purchases;
    intake.chunks = chunk;

    List<Outcome> outcomes =
        intake.recordAll(
            club.partner.id(),
            List.of(
                new PurchaseLine(key("1"), purchase(anna, "1000.00", "gastro", "R-1")),
                new PurchaseLine(key("2"), purchase(anna, "1000.00", "gastro", "R-2")),
                new PurchaseLine(key("3"), purchase(anna, "1000.00", "gastro", "R-3"))));

    assertEquals(List.of("R-1", "R-2"), alone, "the aborted chunk's lines, one at a time");
    outcomes.forEach(o -> assertInstanceOf(Purchased.class, o));
    assertEquals(3, club.purchases.size());
  }
}
