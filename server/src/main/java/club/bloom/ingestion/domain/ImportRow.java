package club.bloom.ingestion.domain;

import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.Money;
import java.time.Instant;
import java.util.List;

/** One data row of an import file, read and checked (ADR 0041). */
public sealed interface ImportRow {
  /** The row's line in the file (the header is line 1). */
  int line();

  /** The receipt number, when the row had one (also for an invalid row: for the report). */
  String receiptNumber();

  /** A purchase or a refund. */
  enum Kind {
    PURCHASE,
    REFUND
  }

  /** A row whose fields are all well formed: it goes to the intake, which applies the rules. */
  record Valid(
      int line,
      Kind kind,
      String receiptNumber,
      String refundNumber,
      String passportCode,
      Money amount,
      String category,
      Instant occurredAt)
      implements ImportRow {}

  /** A row refused before it reached the intake, with every field at fault. */
  record Invalid(int line, String receiptNumber, List<FieldProblem> problems) implements ImportRow {
    public Invalid {
      problems = List.copyOf(problems);
    }
  }
}
