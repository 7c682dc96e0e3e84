package club.bloom.billing.application;

import club.bloom.billing.domain.LimitOverride;
import club.bloom.billing.domain.Limits;
import club.bloom.billing.domain.Metric;
import club.bloom.billing.domain.Plan;
import club.bloom.billing.domain.PlanChange;
import club.bloom.billing.domain.Subscription;
import club.bloom.billing.domain.SubscriptionRepository;
import club.bloom.billing.domain.UsageCounters;
import club.bloom.billing.domain.UsagePeriod;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import club.bloom.tenancy.domain.TenantRegistry.TenantFilter;
import club.bloom.tenancy.domain.TenantRegistry.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's view of tenants — status, provisioning state, plan and this month's usage — and
 * suspension: a suspended tenant's API keys and logins are refused (403 {@code tenant-suspended}),
 * its data is kept, and resuming restores access. Only the operator reaches these use cases.
 */
@ApplicationScoped
public class TenantOperations {
  @Inject TenantRegistry tenants;
  @Inject SubscriptionRepository repository;
  @Inject Subscriptions subscriptions;
  @Inject UsageCounters counters;
  @Inject Clock clock;

  /** A page of the tenants the filter lets through, by kind then slug, after the given one. */
  @Transactional
  public Page page(TenantFilter filter, Optional<TenantKey> after, int limit) {
    List<Tenant> found = tenants.page(filter, after, limit + 1);
    List<Tenant> items = found.size() > limit ? found.subList(0, limit) : found;
    Instant now = clock.instant();
    Map<TenantId, String> months = new LinkedHashMap<>();
    items.forEach(t -> months.put(t.id(), UsagePeriod.monthOf(now, Subscriptions.zone(t)).key()));
    Map<TenantId, List<PlanChange>> changes = repository.changes(months.keySet());
    Map<TenantId, List<LimitOverride>> overrides = repository.overrides(months.keySet());
    Map<TenantId, Long> purchases = counters.of(months, Metric.PURCHASES);
    Map<TenantId, Long> requests = counters.of(months, Metric.API_REQUESTS);
    Map<String, Plan> plans = new HashMap<>();
    List<TenantSummary> summaries =
        items.stream()
            .map(
                t -> {
                  Subscription s =
                      subscriptions.of(
                          t,
                          changes.getOrDefault(t.id(), List.of()),
                          overrides.getOrDefault(t.id(), List.of()));
                  Plan plan =
                      plans.computeIfAbsent(s.inForceAt(now).planCode(), subscriptions::plan);
                  return new TenantSummary(
                      t,
                      plan,
                      s.limitsOn(plan),
                      months.get(t.id()),
                      purchases.getOrDefault(t.id(), 0L),
                      requests.getOrDefault(t.id(), 0L));
                })
            .toList();
    Optional<TenantKey> next =
        found.size() > limit
            ? Optional.of(
                new TenantKey(
                    items.get(items.size() - 1).kind(), items.get(items.size() - 1).slug()))
            : Optional.empty();
    return new Page(summaries, next);
  }

  /** One tenant, in any status. */
  @Transactional
  public Tenant tenant(TenantKind kind, Slug slug) {
    return tenants
        .find(kind, slug)
        .orElseThrow(
            () ->
                new NotFound(
                    "unknown-tenant",
                    "Unknown tenant",
                    "No " + (kind == TenantKind.CLUB ? "club " : "partner ") + slug));
  }

  @Transactional
  public TenantSummary summary(TenantKind kind, Slug slug) {
    return summaryOf(tenant(kind, slug));
  }

  /** Suspends the tenant (idempotent); the reason is kept for the operator. */
  @Transactional
  public TenantSummary suspend(TenantKind kind, Slug slug, String reason) {
    Tenant tenant = tenant(kind, slug);
    tenant.suspend(reason, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    return summaryOf(tenant);
  }

  /** Lifts a suspension (idempotent). */
  @Transactional
  public TenantSummary resume(TenantKind kind, Slug slug) {
    Tenant tenant = tenant(kind, slug);
    tenant.resume(clock.instant());
    return summaryOf(tenant);
  }

  private TenantSummary summaryOf(Tenant tenant) {
    Instant now = clock.instant();
    String month = UsagePeriod.monthOf(now, Subscriptions.zone(tenant)).key();
    Subscriptions.InForce inForce = subscriptions.inForce(tenant, now);
    return new TenantSummary(
        tenant,
        inForce.plan(),
        inForce.limits(),
        month,
        counters.get(tenant.id(), Metric.PURCHASES, month),
        counters.get(tenant.id(), Metric.API_REQUESTS, month));
  }

  /**
   * A tenant as the operator's list shows it: the plan in force, its limits with the operator's
   * overrides, and this month's flows.
   */
  public record TenantSummary(
      Tenant tenant, Plan plan, Limits limits, String month, long purchases, long apiRequests) {}

  /** A page of tenants and where the next one starts. */
  public record Page(List<TenantSummary> items, Optional<TenantKey> next) {}
}
