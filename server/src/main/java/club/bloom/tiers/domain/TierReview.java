package club.bloom.tiers.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The re-evaluation's decision for one member, against what it read: the tier and the start of the
 * grace period to write, whether they change the member's row, and the outcome to count
 * ("re-evaluation", "downgrade", "manual", "invitation" for a change of tier; "grace" for a member
 * kept above what they qualify for; "unchanged"; "skipped" for a member not evaluated this run).
 */
public record TierReview(
    UUID memberId,
    long version,
    Optional<String> before,
    Optional<String> tier,
    Optional<Instant> belowSince,
    String reason,
    boolean changesRow) {

  /** The outcome counted for a member whose row could not be written (it changed meanwhile). */
  public static final String SKIPPED = "skipped";

  static TierReview of(MemberTierState state, TierDecision decision) {
    boolean changes =
        !decision.tier().equals(state.tier())
            || !decision.belowSince().equals(state.belowTierSince());
    return new TierReview(
        state.memberId(),
        state.version(),
        state.tier(),
        decision.tier(),
        decision.belowSince(),
        decision.reason(),
        changes);
  }

  /** A member without a standing in this run (enrolled after it was computed): left as it is. */
  static TierReview notEvaluated(MemberTierState state) {
    return new TierReview(
        state.memberId(),
        state.version(),
        state.tier(),
        state.tier(),
        state.belowTierSince(),
        SKIPPED,
        false);
  }

  public boolean changesTier() {
    return !tier.equals(before);
  }

  /** The history row of a change of tier. */
  public TierChange change(Instant now) {
    return new TierChange(memberId, before.orElse(null), tier.orElse("none"), reason, now);
  }

  /** What this member adds to the run's counts, once its row was written (or not). */
  public String outcome() {
    if (SKIPPED.equals(reason)) {
      return SKIPPED;
    }
    if (changesTier()) {
      return reason;
    }
    return belowSince.isPresent() ? "grace" : "unchanged";
  }
}
