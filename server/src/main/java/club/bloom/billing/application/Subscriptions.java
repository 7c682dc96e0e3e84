package club.bloom.billing.application;

import club.bloom.billing.domain.Limit;
import club.bloom.billing.domain.LimitOverride;
import club.bloom.billing.domain.Limits;
import club.bloom.billing.domain.Metric;
import club.bloom.billing.domain.Plan;
import club.bloom.billing.domain.PlanBelowUsage;
import club.bloom.billing.domain.PlanCatalogue;
import club.bloom.billing.domain.PlanChange;
import club.bloom.billing.domain.Subscription;
import club.bloom.billing.domain.SubscriptionChanged;
import club.bloom.billing.domain.SubscriptionRepository;
import club.bloom.billing.domain.UsageCounters;
import club.bloom.billing.domain.UsageGauge;
import club.bloom.billing.domain.UsagePeriod;
import club.bloom.billing.domain.UsageStatement.UsageLine;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantRegistry;
import club.bloom.tenancy.domain.TenantSchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A tenant's subscription: opened on the default plan when the tenant is provisioned, viewed with
 * its limits and current usage, and changed — by the club's admin (plan only) or the operator (plan
 * and overrides of single limits) — now or from a later day. A change whose limits are below what
 * the tenant uses is refused (409) and changes nothing.
 */
@ApplicationScoped
public class Subscriptions {
  @Inject SubscriptionRepository repository;
  @Inject PlanCatalogue plans;
  @Inject UsageCounters counters;
  @Inject @Any Instance<UsageGauge> gauges;
  @Inject TenantRegistry tenants;
  @Inject Event<SubscriptionChanged> changed;
  @Inject Clock clock;

  /** The plan a new tenant starts on. */
  @Inject
  @ConfigProperty(name = "bloom.billing.default-plan", defaultValue = "free")
  String defaultPlan;

  /** Opens the subscription of a newly provisioned tenant (idempotent: provisioning re-runs). */
  @Transactional
  void onSchemaReady(@Observes TenantSchemaReady event) {
    tenants
        .find(event.tenant())
        .ifPresent(t -> repository.open(t.id(), defaultPlan, t.createdAt(), clock.instant()));
  }

  @Transactional
  public SubscriptionView view(Tenant tenant) {
    return viewAt(tenant, clock.instant());
  }

  /**
   * Changes the plan (and, for the operator, the overrides). The tenant's subscription row is
   * locked first, so that admissions against its limits wait for the change.
   *
   * @throws InvalidInput unknown plan, a day in the past
   * @throws PlanBelowUsage a limit of the new plan (with the overrides) is below current usage
   */
  @Transactional
  public SubscriptionView change(ChangePlan command) {
    Tenant tenant = command.tenant();
    // As PostgreSQL keeps it, so that what is answered now reads the same later.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    ZoneId zone = zone(tenant);
    Plan plan =
        plans
            .find(command.plan())
            .orElseThrow(
                () ->
                    InvalidInput.of(
                        "plan",
                        "is not a plan; one of: "
                            + String.join(", ", plans.all().stream().map(Plan::code).toList())));
    Instant effective = now;
    if (command.effectiveFrom().isPresent()) {
      LocalDate day = command.effectiveFrom().get();
      LocalDate today = now.atZone(zone).toLocalDate();
      if (day.isBefore(today)) {
        throw InvalidInput.of(
            "effectiveFrom", "must be today (" + today + ", " + zone + ") or a later day");
      }
      effective = day.isEqual(today) ? now : day.atStartOfDay(zone).toInstant();
    }

    repository.lock(tenant.id(), defaultPlan, tenant.createdAt(), now);
    Subscription before = load(tenant);
    List<LimitOverride> overrides =
        command
            .overrides()
            .map(
                specs ->
                    specs.stream()
                        .map(
                            o ->
                                new LimitOverride(
                                    tenant.id(), o.limit(), o.value(), command.requestedBy(), now))
                        .toList())
            .orElse(before.overrides());

    List<PlanBelowUsage.Shortfall> shortfalls =
        new ArrayList<>(
            plan.limits()
                .overriddenBy(overrides)
                .shortfalls(usageCounting(tenant, effective, now)));
    if (command.overrides().isPresent() && effective.isAfter(now)) {
      // Overrides hold at once, on the plan in force until the change.
      Plan current = plan(before.inForceAt(now).planCode());
      current.limits().overriddenBy(overrides).shortfalls(usageCounting(tenant, now, now)).stream()
          .filter(s -> shortfalls.stream().noneMatch(x -> x.limit() == s.limit()))
          .forEach(shortfalls::add);
    }
    if (!shortfalls.isEmpty()) {
      throw new PlanBelowUsage(plan.name(), shortfalls);
    }

    // A new request replaces a pending one.
    repository.cancelChangesAfter(tenant.id(), now);
    Subscription remaining = load(tenant);
    if (!remaining.inForceAt(effective).planCode().equals(plan.code())) {
      repository.add(
          new PlanChange(tenant.id(), plan.code(), effective, command.requestedBy(), now));
    }
    if (command.overrides().isPresent()) {
      repository.replaceOverrides(tenant.id(), overrides);
    }
    changed.fire(new SubscriptionChanged(tenant.id()));
    return viewAt(tenant, now);
  }

  /** The tenant's rate in requests per second (empty: unlimited) and its time zone. */
  @Transactional
  public Rate rate(TenantId id) {
    Tenant tenant = tenants.find(id).orElseThrow();
    Instant now = clock.instant();
    return new Rate(
        inForce(tenant, now).limits().allowed(Limit.API_REQUESTS_PER_SECOND), zone(tenant));
  }

  // --- within the caller's transaction, for the other use cases of billing ---

  /** The subscription as recorded, or the default plan since registration if none is. */
  public Subscription load(Tenant tenant) {
    return of(tenant, repository.changes(tenant.id()), repository.overrides(tenant.id()));
  }

  /** The subscription from these records, or the default plan since registration if none. */
  public Subscription of(Tenant tenant, List<PlanChange> changes, List<LimitOverride> overrides) {
    return Subscription.startingOn(
        tenant.id(), changes, overrides, defaultPlan, tenant.createdAt());
  }

  /** The plan and limits in force at that instant. */
  public InForce inForce(Tenant tenant, Instant at) {
    Subscription subscription = load(tenant);
    Plan plan = plan(subscription.inForceAt(at).planCode());
    return new InForce(subscription, plan, subscription.limitsOn(plan));
  }

  /** Locks the tenant's subscription until the transaction ends. */
  public void lock(Tenant tenant, Instant now) {
    repository.lock(tenant.id(), defaultPlan, tenant.createdAt(), now);
  }

  public Plan plan(String code) {
    return plans
        .find(code)
        .orElseThrow(() -> new IllegalStateException("plan " + code + " is not in the catalogue"));
  }

  /**
   * What the tenant held of a stock just before that instant ({@link UsageGauge#LATEST}: all it
   * holds now); empty if nothing measures it.
   */
  public OptionalLong held(Tenant tenant, Limit limit, Instant at) {
    if (!limit.appliesTo(tenant.kind())) {
      return OptionalLong.empty();
    }
    for (UsageGauge gauge : gauges) {
      if (gauge.limit() == limit) {
        return OptionalLong.of(gauge.heldAt(tenant, at));
      }
    }
    return OptionalLong.empty();
  }

  public static ZoneId zone(Tenant tenant) {
    return ZoneId.of(tenant.timeZone());
  }

  /**
   * What counts against each limit if new limits take effect at {@code effective}: the stocks held
   * now; this month's purchases if the change takes effect this month; today's CSV rows if today.
   */
  private Map<Limit, Long> usageCounting(Tenant tenant, Instant effective, Instant now) {
    ZoneId zone = zone(tenant);
    Map<Limit, Long> used = new EnumMap<>(Limit.class);
    for (Limit stock : List.of(Limit.MEMBERS, Limit.PARTNERS_PER_CLUB, Limit.STAFF_SEATS)) {
      held(tenant, stock, UsageGauge.LATEST).ifPresent(q -> used.put(stock, q));
    }
    UsagePeriod month = UsagePeriod.monthOf(now, zone);
    if (month.contains(effective)) {
      used.put(Limit.PURCHASES_PER_MONTH, counters.get(tenant.id(), Metric.PURCHASES, month.key()));
    }
    UsagePeriod day = UsagePeriod.dayOf(now, zone);
    if (day.contains(effective)) {
      used.put(Limit.CSV_ROWS_PER_DAY, counters.get(tenant.id(), Metric.CSV_ROWS, day.key()));
    }
    return used;
  }

  private SubscriptionView viewAt(Tenant tenant, Instant now) {
    InForce inForce = inForce(tenant, now);
    ZoneId zone = zone(tenant);
    UsagePeriod month = UsagePeriod.monthOf(now, zone);
    UsagePeriod day = UsagePeriod.dayOf(now, zone);
    Limits limits = inForce.limits();
    List<UsageLine> usage = new ArrayList<>();
    usage.add(
        line(
            "purchases",
            counters.get(tenant.id(), Metric.PURCHASES, month.key()),
            Limit.PURCHASES_PER_MONTH,
            limits));
    usage.add(
        new UsageLine(
            "apiRequests",
            counters.get(tenant.id(), Metric.API_REQUESTS, month.key()),
            null,
            null));
    usage.add(
        line(
            "csvRowsToday",
            counters.get(tenant.id(), Metric.CSV_ROWS, day.key()),
            Limit.CSV_ROWS_PER_DAY,
            limits));
    held(tenant, Limit.MEMBERS, UsageGauge.LATEST)
        .ifPresent(q -> usage.add(line("members", q, Limit.MEMBERS, limits)));
    held(tenant, Limit.PARTNERS_PER_CLUB, UsageGauge.LATEST)
        .ifPresent(q -> usage.add(line("partners", q, Limit.PARTNERS_PER_CLUB, limits)));
    PlanChange current = inForce.subscription().inForceAt(now);
    Optional<Pending> pending =
        inForce
            .subscription()
            .pendingAfter(now)
            .map(c -> new Pending(plan(c.planCode()), c.effectiveFrom()));
    return new SubscriptionView(
        tenant,
        inForce.plan(),
        current.effectiveFrom(),
        pending,
        limits,
        inForce.subscription().overrides(),
        month.key(),
        usage);
  }

  public static UsageLine line(String metric, long quantity, Limit limit, Limits limits) {
    OptionalLong allowed = limits.allowed(limit);
    return new UsageLine(metric, quantity, limit, allowed.isPresent() ? allowed.getAsLong() : null);
  }

  /** Command: change a tenant's plan, from now or from a later day, with overrides (operator). */
  public record ChangePlan(
      Tenant tenant,
      String plan,
      Optional<LocalDate> effectiveFrom,
      Optional<List<OverrideSpec>> overrides,
      String requestedBy) {}

  /** An override of one limit; {@code value} null: unlimited. */
  public record OverrideSpec(Limit limit, Long value) {}

  /** The subscription in force at an instant: its plan and limits. */
  public record InForce(Subscription subscription, Plan plan, Limits limits) {}

  /** A tenant's rate and time zone. */
  public record Rate(OptionalLong perSecond, ZoneId zone) {}

  /** A scheduled change. */
  public record Pending(Plan plan, Instant effectiveFrom) {}

  /** What a tenant's admin or the operator sees of a subscription. */
  public record SubscriptionView(
      Tenant tenant,
      Plan plan,
      Instant since,
      Optional<Pending> pending,
      Limits limits,
      List<LimitOverride> overrides,
      String month,
      List<UsageLine> usage) {}
}
