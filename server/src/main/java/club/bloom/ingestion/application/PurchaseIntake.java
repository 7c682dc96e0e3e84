package club.bloom.ingestion.application;

import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.ingestion.application.PurchaseRecording.PurchaseRecorded;
import club.bloom.ingestion.application.PurchaseRecording.RecordPurchase;
import club.bloom.ingestion.application.RedemptionRecording.RecordRedemption;
import club.bloom.ingestion.application.RedemptionRecording.RedemptionRecorded;
import club.bloom.ingestion.application.RefundRecording.RecordRefund;
import club.bloom.ingestion.application.RefundRecording.RefundRecorded;
import club.bloom.shared.domain.BloomException;
import club.bloom.tenancy.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one recording path for what partners report (ADR 0039): purchases, refunds and redemptions (a
 * purchase paid partly with points). The API's resources call it today; the CSV import and the
 * cashier's terminal will call it too, so that every rule — passport and partnership, categories,
 * idempotency, locks, points, tiers, quotas — is applied once, the same way, whatever the edge.
 *
 * <p>Each call is one transaction under the partner's idempotency key (the workers {@link
 * PurchaseRecording}, {@link RefundRecording} and {@link RedemptionRecording} hold the rules and
 * are called by nothing else; ArchitectureTest keeps it so). A batch ({@link #recordAll}) records
 * chunks of lines in one transaction each, with a savepoint per line: a refused line never stops
 * the others, and each line has its own outcome.
 */
@ApplicationScoped
public class PurchaseIntake {
  @Inject PurchaseRecording purchases;
  @Inject RefundRecording refunds;
  @Inject RedemptionRecording redemptions;
  @Inject IntakeChunk chunks;

  /** Lines of a batch recorded in one transaction (ADR 0040). */
  @Inject
  @ConfigProperty(name = "bloom.intake.chunk-lines", defaultValue = "100")
  int chunkLines = 100;

  /** Records a purchase, once per key. */
  public PurchaseRecorded record(TenantId partner, IdempotencyKey key, RecordPurchase command) {
    return purchases.record(partner, key, command);
  }

  /** Records a full or partial refund of one of the partner's receipts, once per key. */
  public RefundRecorded refund(TenantId partner, IdempotencyKey key, RecordRefund command) {
    return refunds.refund(partner, key, command);
  }

  /**
   * Records a purchase paid partly with points, confirmed by the member's one-time code, once per
   * key. (Not in batches: the code is given at the counter.)
   */
  public RedemptionRecorded redeem(TenantId partner, IdempotencyKey key, RecordRedemption command) {
    return redemptions.redeem(partner, key, command);
  }

  /**
   * Records a batch of purchases and refunds of one partner (a CSV file, a terminal's queue), in
   * order. Lines go in chunks of up to {@code bloom.intake.chunk-lines} consecutive lines of one
   * club, each chunk one transaction with a savepoint per line ({@link IntakeChunk}, ADR 0040): a
   * line refused by a rule is rolled back to its savepoint and gets {@link Refused} with its
   * problem, the others commit together. If a chunk fails otherwise (a line's unexpected failure, a
   * deadlock, the commit), nothing of it stays, and its lines are recorded again one transaction
   * each, as a batch was before chunks: a line that fails alone gets {@link Failed} (nothing of it
   * was written: it may be sent again under the same key). A caller's transaction is suspended, so
   * that one chunk's failure cannot roll back another's. Replaying a line under its key gives its
   * stored result.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public List<Outcome> recordAll(TenantId partner, List<Line> lines) {
    List<Outcome> outcomes = new ArrayList<>(lines.size());
    int next = 0;
    while (next < lines.size()) {
      int to = Math.min(lines.size(), next + Math.max(1, chunkLines));
      List<Outcome> chunk;
      int redoUpTo;
      try {
        chunk = chunks.record(partner, lines, next, to);
        redoUpTo = -1;
      } catch (IntakeChunk.Aborted aborted) {
        chunk = List.of();
        redoUpTo = aborted.line() + 1;
      } catch (RuntimeException commitFailed) {
        // The commit (or the chunk's transaction) failed: none of [next, to) is known to be stored.
        chunk = List.of();
        redoUpTo = to;
      }
      if (redoUpTo < 0) {
        outcomes.addAll(chunk);
        next += chunk.size();
      } else {
        for (int i = next; i < redoUpTo; i++) {
          outcomes.add(recordAlone(partner, i, lines.get(i)));
        }
        next = redoUpTo;
      }
    }
    return outcomes;
  }

  /** One line in a transaction of its own (the worker's), with its outcome. */
  private Outcome recordAlone(TenantId partner, int i, Line line) {
    try {
      if (line instanceof PurchaseLine p) {
        return new Purchased(i, record(partner, p.key(), p.command()));
      } else if (line instanceof RefundLine r) {
        return new Refunded(i, refund(partner, r.key(), r.command()));
      } else {
        throw new IllegalArgumentException("not a line of a batch: " + line);
      }
    } catch (BloomException refused) {
      return new Refused(i, refused);
    } catch (RuntimeException failed) {
      return new Failed(i, failed);
    }
  }

  /** One line of a batch, with the idempotency key it is recorded under. */
  public sealed interface Line permits PurchaseLine, RefundLine {
    IdempotencyKey key();
  }

  /** A purchase line. */
  public record PurchaseLine(IdempotencyKey key, RecordPurchase command) implements Line {
    public PurchaseLine {
      Objects.requireNonNull(key);
      Objects.requireNonNull(command);
    }
  }

  /** A refund line. */
  public record RefundLine(IdempotencyKey key, RecordRefund command) implements Line {
    public RefundLine {
      Objects.requireNonNull(key);
      Objects.requireNonNull(command);
    }
  }

  /** What became of one line ({@code line}: its index in the batch, from 0). */
  public sealed interface Outcome permits Purchased, Refunded, Refused, Failed {
    int line();
  }

  /** The purchase was recorded (or had been, under the same key). */
  public record Purchased(int line, PurchaseRecorded result) implements Outcome {}

  /** The refund was recorded (or had been, under the same key). */
  public record Refunded(int line, RefundRecorded result) implements Outcome {}

  /** A rule refused the line (its problem says which field and why); nothing of it was written. */
  public record Refused(int line, BloomException problem) implements Outcome {}

  /** The line failed for another reason; nothing of it was written, it may be sent again. */
  public record Failed(int line, RuntimeException error) implements Outcome {}
}
