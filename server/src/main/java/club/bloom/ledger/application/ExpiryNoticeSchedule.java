package club.bloom.ledger.application;

import club.bloom.ledger.domain.ExpiryNotices;
import club.bloom.ledger.domain.PointsExpiringSoon;
import club.bloom.nightly.application.NightlyJob;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The nightly job {@value #KIND}: points of active lots that expire within {@code
 * bloom.ledger.expiry-notice-days} (default 14) and were not announced before are recorded and
 * announced as {@link PointsExpiringSoon}, in the same transaction (webhooks observe it, ADR 0042).
 * Each expiry (member, currency, time) is announced once, however often the run repeats.
 */
@ApplicationScoped
public class ExpiryNoticeSchedule implements NightlyJob<Long> {
  public static final String KIND = "point-expiry-notice";

  @Inject ExpiryNotices notices;
  @Inject Event<PointsExpiringSoon> expiring;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.ledger.expiry-notice-days", defaultValue = "14")
  int noticeDays;

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  @Transactional
  public Long run(Tenant club) {
    Instant now = clock.instant();
    notices.forgetBefore(club.schema(), now);
    List<PointsExpiringSoon> due =
        notices.recordDue(
            club.schema(), club.id(), now, now.plus(Duration.ofDays(noticeDays)), now);
    due.forEach(expiring::fire);
    return (long) due.size();
  }

  @Override
  public Map<String, Long> counts(Long announced) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("announced", announced);
    return counts;
  }
}
