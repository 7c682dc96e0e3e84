package club.bloom.tiers.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Members' tier state for the scheduled re-evaluation, read and written a chunk at a time (keyset
 * pagination by member id), so that a club of any size is evaluated in short transactions.
 */
public interface MemberTierStates {
  /** Up to {@code size} members after {@code after} (from the first when empty), by id. */
  List<MemberTierState> page(SchemaName club, Optional<UUID> after, int size);

  /**
   * Writes the reviews' tier and grace start, each only if the member's row still has the version
   * that was read, and records each change of tier written in the history; returns the members
   * written.
   */
  Set<UUID> write(SchemaName club, List<TierReview> reviews, Instant now);
}
