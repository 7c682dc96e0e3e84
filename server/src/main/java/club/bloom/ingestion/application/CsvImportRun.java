package club.bloom.ingestion.application;

import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.ingestion.application.PurchaseIntake.Failed;
import club.bloom.ingestion.application.PurchaseIntake.Line;
import club.bloom.ingestion.application.PurchaseIntake.Outcome;
import club.bloom.ingestion.application.PurchaseIntake.PurchaseLine;
import club.bloom.ingestion.application.PurchaseIntake.RefundLine;
import club.bloom.ingestion.application.PurchaseIntake.Refused;
import club.bloom.ingestion.application.PurchaseRecording.RecordPurchase;
import club.bloom.ingestion.application.RefundRecording.RecordRefund;
import club.bloom.ingestion.domain.CsvImport;
import club.bloom.ingestion.domain.CsvImportFile;
import club.bloom.ingestion.domain.CsvImportRepository;
import club.bloom.ingestion.domain.ImportFinished;
import club.bloom.ingestion.domain.ImportRejection;
import club.bloom.ingestion.domain.ImportRow;
import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.FieldProblem;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What the import job does, step by step (ADR 0041): open the file at the import's checkpoint,
 * apply a chunk of rows, finish. The batch artifacts in infrastructure only call these.
 *
 * <p>A chunk's rows go to {@link PurchaseIntake#recordAll}, which records each line in its own
 * transaction under a key derived from the partner's receipt number (and refund number): a row
 * applied before a crash, replayed after the restart from the last checkpoint, gives its stored
 * result and credits nothing again; so does the same row in another file. The chunk's counts and
 * rejections are written in the chunk's transaction, with the checkpoint.
 */
@ApplicationScoped
public class CsvImportRun {
  @Inject CsvImportRepository imports;
  @Inject TenantRegistry tenants;
  @Inject PurchaseIntake intake;
  @Inject Event<ImportFinished> finished;
  @Inject Clock clock;

  /** Another run holds the import now (it was restarted elsewhere): this run must stop. */
  public static final class Superseded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Superseded(UUID id, int run) {
      super("csv import " + id + ": run " + run + " no longer holds it");
    }
  }

  /** An opened file, positioned after the rows already counted. */
  public record Opened(CsvImportFile.Rows rows, int done) {}

  /**
   * Marks the import RUNNING under {@code run} and opens its file after the rows already done.
   *
   * @throws Superseded another run holds the import, or it ended
   */
  @Transactional
  public Opened open(TenantId partnerId, UUID id, int run, long executionId) {
    Tenant partner = tenants.find(partnerId).orElseThrow();
    if (!imports.start(id, run, executionId, clock.instant())) {
      throw new Superseded(id, run);
    }
    CsvImport current = imports.find(partnerId, id).orElseThrow();
    CsvImportRepository.StoredFile stored =
        imports.file(partner.schema(), id).orElseThrow(() -> new Superseded(id, run));
    CsvImportFile file = CsvImportFile.open(stored.content(), stored.mapping());
    return new Opened(file.rows(current.rowsDone(), clock.instant()), current.rowsDone());
  }

  /**
   * Applies a chunk of rows: valid ones through the intake (each in its own transaction), then the
   * counts and rejections in the caller's transaction (the chunk's, with its checkpoint).
   *
   * @throws Superseded another run holds the import: nothing of the counts is written
   */
  @Transactional
  public void apply(TenantId partnerId, UUID id, int run, List<ImportRow> rows) {
    Tenant partner = tenants.find(partnerId).orElseThrow();
    List<ImportRejection> rejections = new ArrayList<>();
    List<Line> lines = new ArrayList<>();
    List<ImportRow.Valid> sent = new ArrayList<>();
    for (ImportRow row : rows) {
      if (row instanceof ImportRow.Invalid invalid) {
        for (FieldProblem p : invalid.problems()) {
          rejections.add(
              new ImportRejection(invalid.line(), p.field(), p.reason(), invalid.receiptNumber()));
        }
      } else if (row instanceof ImportRow.Valid valid) {
        lines.add(lineOf(valid));
        sent.add(valid);
      }
    }
    List<Outcome> outcomes = lines.isEmpty() ? List.of() : intake.recordAll(partnerId, lines);
    int accepted = 0;
    for (Outcome outcome : outcomes) {
      ImportRow.Valid row = sent.get(outcome.line());
      if (outcome instanceof Refused refused) {
        rejections.addAll(rejectionsOf(row, refused.problem()));
      } else if (outcome instanceof Failed) {
        rejections.add(
            new ImportRejection(
                row.line(),
                "row",
                "could not be recorded (an internal error); nothing of it was applied: upload it"
                    + " again to retry",
                row.receiptNumber()));
      } else {
        accepted++;
      }
    }
    if (!imports.progress(
        partner.schema(), id, run, rows.size(), accepted, rejections, clock.instant())) {
      throw new Superseded(id, run);
    }
  }

  /**
   * Marks the import FINISHED, drops its file and fires {@link ImportFinished} in this transaction;
   * nothing when another run holds it.
   */
  @Transactional
  public void finish(TenantId partnerId, UUID id, int run) {
    Tenant partner = tenants.find(partnerId).orElseThrow();
    imports
        .finish(partner.schema(), id, run, clock.instant())
        .ifPresent(
            done ->
                finished.fire(
                    new ImportFinished(
                        partnerId,
                        id,
                        done.rowsTotal(),
                        done.rowsAccepted(),
                        done.rowsRejected())));
  }

  /**
   * Marks the import FAILED (the job failed for a reason other than its server's death) and drops
   * its file: a POS export may hold more than Bloom reads, so it is kept no longer than needed.
   */
  @Transactional
  public void fail(TenantId partnerId, UUID id, int run, String error) {
    Tenant partner = tenants.find(partnerId).orElseThrow();
    imports.fail(partner.schema(), id, run, error, clock.instant());
  }

  static List<ImportRejection> rejectionsOf(ImportRow.Valid row, BloomException problem) {
    if (problem.fields().isEmpty()) {
      return List.of(
          new ImportRejection(row.line(), "row", problem.getMessage(), row.receiptNumber()));
    }
    return problem.fields().stream()
        .map(f -> new ImportRejection(row.line(), f.field(), f.reason(), row.receiptNumber()))
        .toList();
  }

  /** The intake's line for a row, under a key derived from the partner's numbers. */
  static Line lineOf(ImportRow.Valid row) {
    if (row.kind() == ImportRow.Kind.REFUND) {
      return new RefundLine(
          keyOf(
              "csv-refund",
              row.receiptNumber().length() + ":" + row.receiptNumber() + ":" + row.refundNumber()),
          new RecordRefund(
              row.receiptNumber(), row.refundNumber(), row.amount(), row.occurredAt()));
    }
    return new PurchaseLine(
        keyOf("csv-purchase", row.receiptNumber()),
        new RecordPurchase(
            row.passportCode(),
            row.amount(),
            row.category(),
            row.occurredAt(),
            row.receiptNumber()));
  }

  /**
   * The idempotency key of a row: the kind and the partner's number(s), readable when they are
   * short visible ASCII, else their SHA-256. Keys are per partner (the intake scopes them), so the
   * same receipt number of two partners never meets.
   */
  static IdempotencyKey keyOf(String kind, String numbers) {
    boolean plain =
        numbers.length() <= 160 && numbers.chars().allMatch(c -> c > 32 && c < 127 && c != '#');
    if (plain) {
      return new IdempotencyKey(kind + ":" + numbers);
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(numbers.getBytes(StandardCharsets.UTF_8));
      return new IdempotencyKey(kind + "#" + HexFormat.of().formatHex(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
