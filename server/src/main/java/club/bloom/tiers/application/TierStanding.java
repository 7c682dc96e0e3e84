package club.bloom.tiers.application;

import club.bloom.membership.domain.Member;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tiers.domain.SpendingWindows;
import club.bloom.tiers.domain.SpendingWindows.WindowStats;
import club.bloom.tiers.domain.TierChange;
import club.bloom.tiers.domain.TierChanged;
import club.bloom.tiers.domain.TierLadder;
import club.bloom.tiers.domain.TierProgress;
import club.bloom.tiers.domain.TierRepository;
import club.bloom.tiers.domain.TierRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A member's standing: window statistics, evaluation after a purchase or a refund, progress. The
 * tier changes a purchase or a refund causes are made here, by the tiers context, and recorded in
 * the tier history (ADR 0039).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TierStanding {
  @Inject TierConfiguration configuration;
  @Inject SpendingWindows purchases;
  @Inject TierRepository history;
  @Inject Clock clock;
  // Webhooks (ADR 0042) observe it inside the caller's transaction.
  @Inject Event<TierChanged> changed;

  public TierLadder ladder(Tenant club) {
    return configuration.ladder(club.schema());
  }

  /** Spend and categories in the ladder's rolling window ending now (club's time zone). */
  public WindowStats window(Tenant club, TierLadder ladder, UUID memberId) {
    ZonedDateTime now = clock.instant().atZone(ZoneId.of(club.timeZone()));
    Instant from = now.minusMonths(ladder.windowMonths()).toInstant();
    return purchases.statsSince(club.schema(), memberId, from);
  }

  public TierProgress progress(Tenant club, UUID memberId, Optional<String> tier) {
    TierLadder ladder = ladder(club);
    WindowStats stats = window(club, ladder, memberId);
    Optional<TierRule> current = tier.flatMap(ladder::find);
    return ladder.progress(current, stats.spent(), stats.categories());
  }

  /**
   * After a purchase (already written): the member moves up to the tier the window's spend and
   * categories reach, never down; a change is recorded as {@code purchase}.
   */
  public Evaluated afterPurchase(Tenant club, TierLadder ladder, Member member, Instant now) {
    WindowStats window = window(club, ladder, member.id());
    Optional<TierRule> after =
        ladder.afterPurchase(member.tier(), window.spent(), window.categories());
    if (after.isPresent() && !after.map(TierRule::code).equals(member.tier())) {
      Optional<String> before = member.promote(after.get().code());
      history.record(
          club.schema(),
          new TierChange(member.id(), before.orElse(null), after.get().code(), "purchase", now));
      changed.fire(
          new TierChanged(
              club.id(),
              member.id(),
              member.passport().value(),
              before.orElse(null),
              after.get().code(),
              "purchase",
              now));
    }
    return new Evaluated(after, ladder.progress(after, window.spent(), window.categories()));
  }

  /**
   * After a refund (already written): the refunded purchase may have been what qualified the
   * member, so a tier earned by spend that the window no longer reaches is left at once for the one
   * it reaches (or none), recorded as {@code refund}. An invitation-only tier is kept.
   */
  public Evaluated afterRefund(Tenant club, TierLadder ladder, Member member, Instant now) {
    WindowStats window = window(club, ladder, member.id());
    Optional<TierRule> held = member.tier().flatMap(ladder::find);
    Optional<TierRule> qualifying = ladder.qualifying(window.spent(), window.categories());
    Optional<TierRule> after = held;
    boolean lost =
        held.isPresent()
            && !held.get().invitationOnly()
            && qualifying.map(q -> q.rank() < held.get().rank()).orElse(true);
    if (lost) {
      after = qualifying;
      member.promote(qualifying.map(TierRule::code).orElse(null));
      history.record(
          club.schema(),
          new TierChange(
              member.id(),
              held.get().code(),
              qualifying.map(TierRule::code).orElse("none"),
              "refund",
              now));
      changed.fire(
          new TierChanged(
              club.id(),
              member.id(),
              member.passport().value(),
              held.get().code(),
              qualifying.map(TierRule::code).orElse("none"),
              "refund",
              now));
    }
    return new Evaluated(after, ladder.progress(after, window.spent(), window.categories()));
  }

  /** The member's tier after an evaluation (empty: none) and the progress from it. */
  public record Evaluated(Optional<TierRule> tier, TierProgress progress) {}
}
