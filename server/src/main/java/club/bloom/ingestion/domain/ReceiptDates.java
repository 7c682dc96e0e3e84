package club.bloom.ingestion.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a receipt (a purchase, a redemption, a refund) may say it happened (ADR 0029): not more than
 * {@link #CLOCK_SKEW} in the future (a POS clock a little ahead), and not more than {@link
 * #MAX_AGE} in the past. A year covers late uploads — an offline POS, a CSV import of last month's
 * receipts, a refund today of a receipt of last spring (the refund's own time is today's; the
 * receipt it refunds may be older) — while a receipt of year 0 or of a mistyped century is refused
 * instead of landing outside every tier window and every report.
 */
public final class ReceiptDates {
  /** How far ahead of Bloom's clock a receipt's time may be. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** How far back a receipt's time may be. */
  public static final Duration MAX_AGE = Duration.ofDays(366);

  private ReceiptDates() {}

  /** Why the time is refused, or null when it is acceptable. */
  public static String problem(Instant occurredAt, Instant now) {
    if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
      return "must not be in the future";
    }
    if (occurredAt.isBefore(now.minus(MAX_AGE))) {
      return "must not be more than 366 days in the past";
    }
    return null;
  }
}
