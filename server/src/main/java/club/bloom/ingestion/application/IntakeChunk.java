package club.bloom.ingestion.application;

import club.bloom.ingestion.application.PurchaseIntake.Line;
import club.bloom.ingestion.application.PurchaseIntake.Outcome;
import club.bloom.ingestion.application.PurchaseIntake.PurchaseLine;
import club.bloom.ingestion.application.PurchaseIntake.Purchased;
import club.bloom.ingestion.application.PurchaseIntake.RefundLine;
import club.bloom.ingestion.application.PurchaseIntake.Refunded;
import club.bloom.ingestion.application.PurchaseIntake.Refused;
import club.bloom.ingestion.domain.Receipt;
import club.bloom.ingestion.domain.ReceiptRepository;
import club.bloom.membership.domain.PassportCode;
import club.bloom.membership.domain.PassportDirectory;
import club.bloom.shared.domain.BloomException;
import club.bloom.tenancy.domain.Savepoints;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records consecutive lines of a batch in one transaction, a savepoint per line (ADR 0040): a line
 * a rule refuses is rolled back to its savepoint and gets {@link Refused}; the lines around it
 * commit together. A chunk holds lines of one club only (a transaction works in one club schema):
 * it ends before the first line of another club. Any other failure, or a transaction that can no
 * longer commit, aborts the whole chunk ({@link Aborted}); {@link PurchaseIntake} then records
 * those lines one transaction each, as before, so every line still gets its own outcome.
 *
 * <p>Called by {@link PurchaseIntake} only.
 */
@ApplicationScoped
public class IntakeChunk {
  static final String SAVEPOINT = "intake_line";

  @Inject PurchaseRecording purchases;
  @Inject RefundRecording refunds;
  @Inject Savepoints savepoints;
  @Inject PassportDirectory passports;
  @Inject ReceiptRepository receipts;
  @Inject TenantRegistry tenants;

  /**
   * Records lines {@code from} (inclusive) up to at most {@code to} (exclusive), in a new
   * transaction, and returns the outcomes of the lines it recorded, in order: at least one, fewer
   * than asked when the next line belongs to another club.
   *
   * @throws Aborted nothing of the chunk was committed; {@link Aborted#line()} is the line that
   *     failed
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Outcome> record(TenantId partner, List<Line> lines, int from, int to) {
    List<Outcome> outcomes = new ArrayList<>(to - from);
    Optional<TenantId> chunkClub = Optional.empty();
    for (int i = from; i < to; i++) {
      Line line = lines.get(i);
      Optional<TenantId> club = clubOf(partner, line);
      if (club.isPresent()) {
        if (chunkClub.isPresent() && !chunkClub.equals(club)) {
          break;
        }
        chunkClub = club;
      }
      savepoints.mark(SAVEPOINT);
      try {
        outcomes.add(recordLine(partner, i, line));
      } catch (BloomException refused) {
        if (savepoints.doomed()) {
          throw new Aborted(i, refused);
        }
        savepoints.rollbackTo(SAVEPOINT);
        outcomes.add(new Refused(i, refused));
        continue;
      } catch (RuntimeException failed) {
        throw new Aborted(i, failed);
      }
      // A line's statements may fail only when written (a constraint at flush).
      try {
        savepoints.release(SAVEPOINT);
      } catch (RuntimeException failed) {
        throw new Aborted(i, failed);
      }
      if (savepoints.doomed()) {
        throw new Aborted(i, new IllegalStateException("the chunk's transaction was doomed"));
      }
    }
    return outcomes;
  }

  private Outcome recordLine(TenantId partner, int index, Line line) {
    if (line instanceof PurchaseLine p) {
      return new Purchased(index, purchases.recordWithin(partner, p.key(), p.command()));
    }
    if (line instanceof RefundLine r) {
      return new Refunded(index, refunds.refundWithin(partner, r.key(), r.command()));
    }
    throw new IllegalArgumentException("not a line of a batch: " + line);
  }

  /**
   * The club a line will be recorded in, when it can be told cheaply (the passport's club, the
   * refunded receipt's club); empty when the line will be refused before it reaches a club.
   */
  private Optional<TenantId> clubOf(TenantId partner, Line line) {
    if (line instanceof PurchaseLine p) {
      return PassportCode.parse(p.command().passportCode()).flatMap(passports::clubOf);
    }
    if (line instanceof RefundLine r) {
      return tenants
          .find(partner)
          .map(Tenant::schema)
          .flatMap(schema -> receipts.findByNumber(schema, r.command().receiptNumber()))
          .map(Receipt::clubId)
          .map(TenantId::new);
    }
    return Optional.empty();
  }

  /** The chunk was rolled back because of line {@code line}'s failure. */
  public static final class Aborted extends RuntimeException {
    private final int line;

    Aborted(int line, RuntimeException cause) {
      super("line " + line + " aborted its chunk", Objects.requireNonNull(cause));
      this.line = line;
    }

    public int line() {
      return line;
    }
  }
}
