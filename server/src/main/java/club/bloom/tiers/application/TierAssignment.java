package club.bloom.tiers.application;

import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tiers.domain.SpendingWindows.WindowStats;
import club.bloom.tiers.domain.TierChange;
import club.bloom.tiers.domain.TierChanged;
import club.bloom.tiers.domain.TierLadder;
import club.bloom.tiers.domain.TierRepository;
import club.bloom.tiers.domain.TierRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Club staff set a member's tier by hand, always with an end date (at most a year ahead): a manual
 * level never freezes forever; after the date the re-evaluation decides again.
 */
@ApplicationScoped
public class TierAssignment {
  static final Duration LONGEST = Duration.ofDays(366);

  @Inject MemberRepository members;
  @Inject TierConfiguration configuration;
  @Inject TierRepository history;
  @Inject TierStanding standing;
  @Inject Clock clock;
  // Webhooks (ADR 0042) observe it inside the caller's transaction.
  @Inject Event<TierChanged> changed;

  @Transactional
  public Member assign(Tenant club, UUID memberId, String tier, Instant until) {
    Instant now = clock.instant();
    List<FieldProblem> problems = new ArrayList<>();
    if (configuration.ladder(club.schema()).find(tier).isEmpty()) {
      problems.add(new FieldProblem("tier", "'" + tier + "' is not a tier of the club"));
    }
    if (!until.isAfter(now) || until.isAfter(now.plus(LONGEST))) {
      problems.add(new FieldProblem("until", "must be in the future and at most a year ahead"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    Member member =
        members
            .find(club.schema(), memberId)
            .orElseThrow(() -> new NotFound("unknown-member", "Unknown member", "No such member"));
    var before = member.assignManually(tier, until);
    history.record(
        club.schema(), new TierChange(memberId, before.orElse(null), tier, "manual", now));
    changed(club, member, before.orElse(null), tier, "manual", now);
    return member;
  }

  /**
   * Grants an invitation-only tier the member accepted (recorded as {@code invitation}): with no
   * end date it is kept until revoked; with one, the re-evaluation decides after it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void grantByInvitation(Tenant club, UUID memberId, String tier, Optional<Instant> until) {
    Member member = member(club, memberId);
    Optional<String> before = member.grantInvitation(tier, until);
    if (!before.equals(Optional.of(tier))) {
      history.record(
          club.schema(),
          new TierChange(memberId, before.orElse(null), tier, "invitation", clock.instant()));
      changed(club, member, before.orElse(null), tier, "invitation", clock.instant());
    }
  }

  /**
   * Takes a revoked invitation-only tier back, if the member still holds it: the member moves at
   * once to the tier spend and categories in the window qualify for (no grace: the tier was never
   * earned by spend). Recorded as {@code invitation-revoked}. Returns the member's tier after.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<String> revokeInvitationTier(Tenant club, UUID memberId, String tier) {
    Member member = member(club, memberId);
    if (!member.tier().equals(Optional.of(tier))) {
      return member.tier();
    }
    TierLadder ladder = standing.ladder(club);
    WindowStats stats = standing.window(club, ladder, memberId);
    Optional<String> to = ladder.qualifying(stats.spent(), stats.categories()).map(TierRule::code);
    member.revokeInvitation(tier, to);
    history.record(
        club.schema(),
        new TierChange(memberId, tier, to.orElse("none"), "invitation-revoked", clock.instant()));
    changed(club, member, tier, to.orElse("none"), "invitation-revoked", clock.instant());
    return to;
  }

  private void changed(
      Tenant club, Member member, String from, String to, String reason, Instant at) {
    changed.fire(
        new TierChanged(club.id(), member.id(), member.passport().value(), from, to, reason, at));
  }

  private Member member(Tenant club, UUID memberId) {
    return members
        .find(club.schema(), memberId)
        .orElseThrow(() -> new NotFound("unknown-member", "Unknown member", "No such member"));
  }
}
