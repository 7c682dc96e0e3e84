package club.bloom.membership.domain;

import club.bloom.tenancy.domain.Tenant;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Membership's port onto tiers for merging two members (ADR 0039): tiers rank the club's tier
 * codes, and settle the survivor's tier once both histories are the survivor's. The tiers context
 * implements it, so that membership never imports tiers.
 */
public interface TiersOnMerge {
  /** The club's tier codes from lowest to highest (a code not on the ladder ranks lowest). */
  Comparator<String> order(Tenant club);

  /**
   * Called after {@link MembersMerged} moved the absorbed member's history: records the tier the
   * survivor took from the absorbed member, if any, then lifts the survivor's tier if the joined
   * history reaches a higher one (tiers only go up outside the nightly re-evaluation).
   */
  void settle(Tenant club, Member survivor, Optional<Member.TierMove> adopted, Instant now);
}
