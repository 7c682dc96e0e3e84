package club.bloom.tiers.application;

import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tiers.domain.MemberStandings;
import club.bloom.tiers.domain.MemberStandings.Standing;
import club.bloom.tiers.domain.TierChange;
import club.bloom.tiers.domain.TierDecision;
import club.bloom.tiers.domain.TierLadder;
import club.bloom.tiers.domain.TierRepository;
import club.bloom.tiers.domain.TierRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The scheduled re-evaluation of a club: standings (spend, categories, rank by spend) for all
 * members in one statement, then each member in a short transaction of its own: upgrades at once,
 * downgrades after the grace period, manual tiers kept until their end date (ADR 0010).
 */
@ApplicationScoped
public class TierReevaluation {
  @Inject MemberStandings standings;
  @Inject MemberRepository members;
  @Inject TierConfiguration configuration;
  @Inject TierRepository history;

  /** Recomputes standings; returns the members to evaluate. */
  @Transactional
  public List<UUID> prepare(Tenant club, Instant now) {
    TierLadder ladder = configuration.ladder(club.schema());
    Instant from =
        now.atZone(ZoneId.of(club.timeZone())).minusMonths(ladder.windowMonths()).toInstant();
    standings.recompute(club.schema(), from, now);
    return standings.members(club.schema());
  }

  /** Evaluates one member (under its row's optimistic version); returns what happened. */
  @Transactional
  public String evaluate(Tenant club, UUID memberId, Instant now) {
    TierLadder ladder = configuration.ladder(club.schema());
    Duration grace = standings.gracePeriod(club.schema());
    Member member = members.find(club.schema(), memberId).orElseThrow();
    Optional<Standing> standing = standings.of(club.schema(), memberId);
    Optional<TierRule> qualifying =
        standing.flatMap(s -> ladder.qualifying(s.spent(), s.categories(), s.topShare()));
    TierDecision decision =
        TierDecision.of(
            ladder,
            member.tier(),
            member.manualTier(now),
            member.endedManualTier(now),
            qualifying,
            member.belowTierSince(),
            now,
            grace);
    member.belowTier(decision.belowSince());
    if (!decision.tier().equals(member.tier())) {
      Optional<String> before = member.promote(decision.tier().orElse(null));
      history.record(
          club.schema(),
          new TierChange(
              memberId,
              before.orElse(null),
              decision.tier().orElse("none"),
              decision.reason(),
              now));
      return decision.reason();
    }
    return decision.belowSince().isPresent() ? "grace" : "unchanged";
  }
}
