package club.bloom.tiers.application;

import club.bloom.tenancy.domain.Tenant;
import club.bloom.tiers.domain.SpendingWindows;
import club.bloom.tiers.domain.SpendingWindows.WindowStats;
import club.bloom.tiers.domain.TierLadder;
import club.bloom.tiers.domain.TierProgress;
import club.bloom.tiers.domain.TierRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

/** A member's standing: window statistics, evaluation after a purchase, progress. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TierStanding {
  @Inject TierConfiguration configuration;
  @Inject SpendingWindows purchases;
  @Inject Clock clock;

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
}
