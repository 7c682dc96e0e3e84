package club.bloom.ledger.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger's port onto members' purchases, for expiring the points of members inactive for the
 * club's months: when each member last bought anything. The context that keeps the purchases
 * answers it (ingestion's repository implements it), so that the ledger never imports ingestion
 * (ADR 0039).
 */
public interface LastPurchases {
  /** When each of the members last bought anything in the club (absent: never). */
  Map<UUID, Instant> lastPurchasesAt(SchemaName club, Collection<UUID> members);
}
