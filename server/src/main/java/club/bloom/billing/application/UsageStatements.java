package club.bloom.billing.application;

import club.bloom.billing.domain.Limit;
import club.bloom.billing.domain.Limits;
import club.bloom.billing.domain.Metric;
import club.bloom.billing.domain.Plan;
import club.bloom.billing.domain.Subscription;
import club.bloom.billing.domain.UsageCounters;
import club.bloom.billing.domain.UsageGauge;
import club.bloom.billing.domain.UsagePeriod;
import club.bloom.billing.domain.UsageStatement;
import club.bloom.billing.domain.UsageStatement.UsageLine;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tenant's monthly usage statement: the plans in force and what they cost that month, and what
 * was used — purchases, API requests, CSV rows (with the busiest day), and for clubs the members
 * and partners held at the end of the month (or now, for the current month).
 */
@ApplicationScoped
public class UsageStatements {
  @Inject Subscriptions subscriptions;
  @Inject UsageCounters counters;
  @Inject Clock clock;

  @Transactional
  public UsageStatement of(Tenant tenant, YearMonth month) {
    Instant now = clock.instant();
    ZoneId zone = Subscriptions.zone(tenant);
    UsagePeriod period = UsagePeriod.month(month, zone);
    if (period.start().isAfter(now)) {
      throw InvalidInput.of(
          "month",
          "must be the current month (" + YearMonth.from(now.atZone(zone)) + ") or earlier");
    }
    Subscription subscription = subscriptions.load(tenant);
    Instant measuredAt = now.isBefore(period.end()) ? now : period.end().minusMillis(1);
    Plan planAtEnd = subscriptions.plan(subscription.inForceAt(measuredAt).planCode());
    Limits limits = subscription.limitsOn(planAtEnd);

    List<UsageLine> usage = new ArrayList<>();
    usage.add(
        Subscriptions.line(
            "purchases",
            counters.get(tenant.id(), Metric.PURCHASES, period.key()),
            Limit.PURCHASES_PER_MONTH,
            limits));
    usage.add(
        new UsageLine(
            "apiRequests",
            counters.get(tenant.id(), Metric.API_REQUESTS, period.key()),
            null,
            null));
    Map<String, Long> csvDays =
        counters.byPeriodStartingWith(tenant.id(), Metric.CSV_ROWS, period.key() + "-");
    usage.add(
        new UsageLine(
            "csvRows", csvDays.values().stream().mapToLong(Long::longValue).sum(), null, null));
    usage.add(
        Subscriptions.line(
            "csvRowsPeakDay",
            csvDays.values().stream().mapToLong(Long::longValue).max().orElse(0),
            Limit.CSV_ROWS_PER_DAY,
            limits));
    Instant heldAt = now.isBefore(period.end()) ? UsageGauge.LATEST : period.end();
    subscriptions
        .held(tenant, Limit.MEMBERS, heldAt)
        .ifPresent(q -> usage.add(Subscriptions.line("members", q, Limit.MEMBERS, limits)));
    subscriptions
        .held(tenant, Limit.PARTNERS_PER_CLUB, heldAt)
        .ifPresent(
            q -> usage.add(Subscriptions.line("partners", q, Limit.PARTNERS_PER_CLUB, limits)));

    return UsageStatement.compute(
        month,
        zone,
        now,
        subscription.periodsWithin(period.start(), period.end()),
        subscriptions::plan,
        usage);
  }
}
