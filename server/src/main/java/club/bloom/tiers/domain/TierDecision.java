package club.bloom.tiers.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the scheduled re-evaluation does with one member: an upgrade applies at once; a member who
 * no longer meets the held tier keeps it for the club's grace period, then moves down to what they
 * qualify for; a manual tier is kept until its end date; an invitation-only tier is never taken by
 * spend.
 */
public record TierDecision(Optional<String> tier, Optional<Instant> belowSince, String reason) {

  public static TierDecision of(
      TierLadder ladder,
      Optional<String> held,
      Optional<String> manual,
      Optional<TierRule> qualifying,
      Optional<Instant> belowSince,
      Instant now,
      Duration grace) {
    return of(ladder, held, manual, Optional.empty(), qualifying, belowSince, now, grace);
  }

  /**
   * As above; {@code endedManual} is a manual tier whose end date has passed: an invitation-only
   * tier granted until a date is then left for what the member qualifies for, at once.
   */
  public static TierDecision of(
      TierLadder ladder,
      Optional<String> held,
      Optional<String> manual,
      Optional<String> endedManual,
      Optional<TierRule> qualifying,
      Optional<Instant> belowSince,
      Instant now,
      Duration grace) {
    if (manual.isPresent()) {
      return new TierDecision(manual, Optional.empty(), "manual");
    }
    Optional<TierRule> current = held.flatMap(ladder::find);
    if (current.isPresent() && current.get().invitationOnly()) {
      if (endedManual.filter(current.get().code()::equals).isPresent()) {
        return new TierDecision(
            qualifying.map(TierRule::code), Optional.empty(), "invitation-ended");
      }
      return new TierDecision(held, Optional.empty(), "invitation");
    }
    int heldRank = current.map(TierRule::rank).orElse(Integer.MIN_VALUE);
    int qualifiedRank = qualifying.map(TierRule::rank).orElse(Integer.MIN_VALUE);
    if (qualifiedRank >= heldRank) {
      return new TierDecision(
          qualifying.map(TierRule::code).or(() -> held), Optional.empty(), "re-evaluation");
    }
    Instant since = belowSince.orElse(now);
    if (!now.isBefore(since.plus(grace))) {
      return new TierDecision(qualifying.map(TierRule::code), Optional.empty(), "downgrade");
    }
    return new TierDecision(held, Optional.of(since), "grace");
  }
}
