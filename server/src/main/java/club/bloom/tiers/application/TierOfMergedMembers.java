package club.bloom.tiers.application;

import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.TiersOnMerge;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tiers.domain.SpendingWindows.WindowStats;
import club.bloom.tiers.domain.TierChange;
import club.bloom.tiers.domain.TierLadder;
import club.bloom.tiers.domain.TierRepository;
import club.bloom.tiers.domain.TierRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Tiers' side of merging two members (membership's port {@link TiersOnMerge}), in the merge's
 * transaction: the ladder ranks the tiers the survivor may take over, and the joined history may
 * lift the survivor's tier (recorded as {@code merge}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TierOfMergedMembers implements TiersOnMerge {
  @Inject TierStanding standing;
  @Inject TierRepository history;

  @Override
  public Comparator<String> order(Tenant club) {
    TierLadder ladder = standing.ladder(club);
    return Comparator.comparingInt(code -> ladder.find(code).map(TierRule::rank).orElse(-1));
  }

  @Override
  public void settle(Tenant club, Member survivor, Optional<Member.TierMove> adopted, Instant now) {
    adopted.ifPresent(
        m ->
            history.record(
                club.schema(), new TierChange(survivor.id(), m.from(), m.to(), "merge", now)));
    // Tiers only go up outside the nightly re-evaluation, as on a purchase.
    TierLadder ladder = standing.ladder(club);
    WindowStats window = standing.window(club, ladder, survivor.id());
    Optional<TierRule> after =
        ladder.afterPurchase(survivor.tier(), window.spent(), window.categories());
    if (after.isPresent() && !after.map(TierRule::code).equals(survivor.tier())) {
      Optional<String> before = survivor.promote(after.get().code());
      history.record(
          club.schema(),
          new TierChange(survivor.id(), before.orElse(null), after.get().code(), "merge", now));
    }
  }
}
