package club.bloom.tiers.domain;

import club.bloom.tiers.domain.MemberStandings.Standing;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What the scheduled re-evaluation reads of one member, a page of members at a time: the held tier,
 * a manual tier with its end date, since when the member is below the held tier, the version of the
 * member's row (a concurrent change wins over the re-evaluation) and the standing computed for this
 * run (empty for a member enrolled after it was computed).
 */
public record MemberTierState(
    UUID memberId,
    long version,
    Optional<String> tier,
    Optional<String> manualTier,
    Optional<Instant> manualUntil,
    Optional<Instant> belowTierSince,
    Optional<Standing> standing) {

  public MemberTierState {
    Objects.requireNonNull(memberId);
    Objects.requireNonNull(tier);
    Objects.requireNonNull(manualTier);
    Objects.requireNonNull(manualUntil);
    Objects.requireNonNull(belowTierSince);
    Objects.requireNonNull(standing);
  }

  /** The manual tier while its end date has not passed (the rule of {@code Member.manualTier}). */
  public Optional<String> manualTierAt(Instant now) {
    return manualTier.isPresent() && manualUntil.map(now::isBefore).orElse(false)
        ? manualTier
        : Optional.empty();
  }

  /**
   * A manual tier whose end date has passed (the rule of {@code Member.endedManualTier}): an
   * invitation-only tier granted until then is left at once.
   */
  public Optional<String> endedManualTierAt(Instant now) {
    return manualTier.isPresent() && manualUntil.map(u -> !u.isAfter(now)).orElse(false)
        ? manualTier
        : Optional.empty();
  }

  /** The decision for this member ({@link TierDecision}) and what it changes. */
  public TierReview review(TierLadder ladder, Instant now, Duration grace) {
    if (standing.isEmpty()) {
      return TierReview.notEvaluated(this);
    }
    Standing s = standing.get();
    Optional<TierRule> qualifying = ladder.qualifying(s.spent(), s.categories(), s.topShare());
    TierDecision decision =
        TierDecision.of(
            ladder,
            tier,
            manualTierAt(now),
            endedManualTierAt(now),
            qualifying,
            belowTierSince,
            now,
            grace);
    return TierReview.of(this, decision);
  }
}
