package club.bloom.tiers.application;

import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tiers.domain.TierChange;
import club.bloom.tiers.domain.TierRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
  @Inject Clock clock;

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
    return member;
  }
}
