package club.bloom.ingestion.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.ingestion.domain.CsvImportFile;
import club.bloom.ingestion.domain.CsvImportRepository;
import club.bloom.ingestion.domain.ImportMapping;
import club.bloom.ingestion.domain.ImportRejection;
import club.bloom.ingestion.domain.ImportRow;
import club.bloom.membership.domain.Member;
import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A CSV file's rows applied through the real recording path over in-memory stores: counts and
 * rejections per chunk, nothing credited twice when the rows come again (a second upload, or a
 * restart from a checkpoint), and a run that lost its import writes nothing.
 */
class CsvImportRunTest {
  private final InMemoryIntake club = new InMemoryIntake();
  private final List<Progress> progress = new ArrayList<>();
  private boolean holdsTheImport = true;
  private final CsvImportRun run = new CsvImportRun();

  record Progress(int done, int accepted, List<ImportRejection> rejections) {}

  CsvImportRunTest() {
    run.intake = club.intake;
    run.clock = club.clock;
    run.tenants = InMemoryIntake.fake(TenantRegistry.class, new Registry());
    run.imports = InMemoryIntake.fake(CsvImportRepository.class, new Imports());
  }

  class Registry {
    Optional<Tenant> find(TenantId id) {
      return Optional.ofNullable(club.tenants.get(id));
    }
  }

  class Imports {
    boolean progress(
        SchemaName partner,
        UUID id,
        int run,
        int done,
        int accepted,
        List<ImportRejection> rejections,
        Instant now) {
      if (!holdsTheImport) {
        return false;
      }
      progress.add(new Progress(done, accepted, rejections));
      return true;
    }
  }

  List<ImportRow> rows(String csv) {
    CsvImportFile file =
        CsvImportFile.open(
            csv.getBytes(StandardCharsets.UTF_8), ImportMapping.standard(ZoneOffset.UTC));
    List<ImportRow> rows = new ArrayList<>();
    try (CsvImportFile.Rows r = file.rows(0, InMemoryIntake.NOW)) {
      r.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void goodRowsAreRecordedOnceAndEveryBadRowIsReportedWithItsLineEvenWhenTheFileComesAgain() {
    Member anna = club.member(null);
    String passport = anna.passport().toString();
    String csv =
        "receiptNumber,passportCode,amount,category,occurredAt,kind,refundNumber\n"
            + "R-1,"
            + passport
            + ",1000.00,gastro,2026-11-24 09:00,purchase,\n"
            + "R-2,"
            + passport
            + ",12.345,gastro,2026-11-24 09:00,purchase,\n"
            + "R-3,"
            + passport
            + ",100.00,fitness,2026-11-24 09:00,purchase,\n"
            + "R-1,,500.00,,2026-11-24 09:30,refund,F-1\n";
    List<ImportRow> rows = rows(csv);
    UUID id = UUID.randomUUID();

    run.apply(club.partner.id(), id, 0, rows);

    Progress first = progress.get(0);
    assertEquals(4, first.done());
    assertEquals(2, first.accepted(), "the purchase and its refund");
    assertEquals(
        List.of(new ImportRejection(3, "amount", first.rejections().get(0).reason(), "R-2")),
        first.rejections().subList(0, 1));
    assertEquals(4, first.rejections().get(1).line());
    assertEquals("category", first.rejections().get(1).field(), "not allowed to the partner");
    assertEquals(25, club.balance(anna), "50 earned, 25 taken back by the half refund");
    assertEquals(1, club.purchases.size());

    run.apply(club.partner.id(), UUID.randomUUID(), 0, rows);

    Progress again = progress.get(1);
    assertEquals(2, again.accepted(), "found recorded under their keys");
    assertEquals(25, club.balance(anna), "nothing credited or reversed twice");
    assertEquals(1, club.purchases.size());
    assertEquals(1, club.purchaseRefunds.size());
  }

  @Test
  void aRunThatLostItsImportToARestartWritesNoCounts() {
    Member anna = club.member(null);
    holdsTheImport = false;
    List<ImportRow> rows =
        rows(
            "receiptNumber,passportCode,amount,category,occurredAt\n"
                + "R-9,"
                + anna.passport()
                + ",10.00,gastro,2026-11-24 09:00\n");
    assertThrows(
        CsvImportRun.Superseded.class,
        () -> run.apply(club.partner.id(), UUID.randomUUID(), 3, rows));
    assertTrue(progress.isEmpty());
  }

  @Test
  void keysComeFromTheReceiptNumbersAndTheKindAndAreHashedWhenNotPlainAscii() {
    assertEquals("csv-purchase:R-1", CsvImportRun.keyOf("csv-purchase", "R-1").value());
    String cyrillic = CsvImportRun.keyOf("csv-purchase", "Чек 1").value();
    assertTrue(cyrillic.matches("csv-purchase#[0-9a-f]{64}"), cyrillic);
    assertEquals(cyrillic, CsvImportRun.keyOf("csv-purchase", "Чек 1").value(), "stable");
    assertNotEquals(
        CsvImportRun.keyOf("csv-purchase", "R-1").value(),
        CsvImportRun.keyOf("csv-refund", "R-1").value());
    ImportRow.Valid refundA =
        new ImportRow.Valid(2, ImportRow.Kind.REFUND, "A:1", "B", null, null, null, null);
    ImportRow.Valid refundB =
        new ImportRow.Valid(2, ImportRow.Kind.REFUND, "A", "1:B", null, null, null, null);
    assertNotEquals(
        CsvImportRun.lineOf(withAmount(refundA)).key(),
        CsvImportRun.lineOf(withAmount(refundB)).key(),
        "the receipt's length keeps A:1/B and A/1:B apart");
  }

  private static ImportRow.Valid withAmount(ImportRow.Valid r) {
    return new ImportRow.Valid(
        r.line(),
        r.kind(),
        r.receiptNumber(),
        r.refundNumber(),
        r.passportCode(),
        Money.rub("1.00"),
        r.category(),
        InMemoryIntake.NOW);
  }
}
