package club.bloom.tiers.domain;

import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.SchemaName;
import java.time.Instant;
import java.util.UUID;

/**
 * The tiers' port onto members' spending: what a member spent, and in how many categories, within a
 * window. Tiers own the question; the context that keeps the purchases answers it (ingestion's
 * repository implements it), so that tiers never import ingestion (ADR 0039).
 */
public interface SpendingWindows {
  /**
   * Spend net of refunds, and distinct categories with spend left, of a member since {@code from}.
   */
  WindowStats statsSince(SchemaName club, UUID memberId, Instant from);

  /** Spend and category diversity within a window. */
  record WindowStats(Money spent, int categories) {}
}
