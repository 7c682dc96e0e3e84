package club.bloom.tiers.domain;

import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.SchemaName;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Members' spend, categories and rank by spend in the window, computed for a whole club at once.
 */
public interface MemberStandings {
  /** Recomputes every member's standing for purchases after {@code from}; returns how many. */
  int recompute(SchemaName club, Instant from, Instant now);

  Duration gracePeriod(SchemaName club);

  void setGracePeriod(SchemaName club, Duration grace);

  /** One member's standing; {@code topShare} = 100 × rank / members. */
  record Standing(Money spent, int categories, BigDecimal topShare) {}
}
