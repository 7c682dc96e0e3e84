package club.bloom.billing.domain;

import club.bloom.tenancy.domain.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's subscription: its effective-dated plan history and the operator's overrides. The plan
 * at an instant is the latest change effective at or before it; a change effective later is
 * pending. Limits at an instant are that plan's, with the overrides on top (overrides hold whatever
 * the plan).
 */
public final class Subscription {
  private final TenantId tenant;
  private final List<PlanChange> changes;
  private final List<LimitOverride> overrides;

  /**
   * @param changes the plan history; must not be empty (a tenant without a recorded history is on
   *     the default plan from its registration: see {@link #startingOn})
   */
  public Subscription(TenantId tenant, List<PlanChange> changes, List<LimitOverride> overrides) {
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("a subscription has at least one plan");
    }
    this.tenant = Objects.requireNonNull(tenant);
    List<PlanChange> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparing(PlanChange::effectiveFrom));
    this.changes = List.copyOf(sorted);
    this.overrides = List.copyOf(overrides);
  }

  /** The history as recorded, or, if none is, the default plan from the tenant's registration. */
  public static Subscription startingOn(
      TenantId tenant,
      List<PlanChange> changes,
      List<LimitOverride> overrides,
      String defaultPlan,
      Instant registeredAt) {
    if (!changes.isEmpty()) {
      return new Subscription(tenant, changes, overrides);
    }
    return new Subscription(
        tenant,
        List.of(new PlanChange(tenant, defaultPlan, registeredAt, "default", registeredAt)),
        overrides);
  }

  public TenantId tenant() {
    return tenant;
  }

  /**
   * The change in force at that instant. Before the first change (the tenant's registration) the
   * first plan counts.
   */
  public PlanChange inForceAt(Instant at) {
    PlanChange current = changes.get(0);
    for (PlanChange c : changes) {
      if (!c.effectiveFrom().isAfter(at)) {
        current = c;
      }
    }
    return current;
  }

  /** The next change after that instant, if one is scheduled. */
  public Optional<PlanChange> pendingAfter(Instant at) {
    return changes.stream().filter(c -> c.effectiveFrom().isAfter(at)).findFirst();
  }

  public List<PlanChange> changes() {
    return changes;
  }

  public List<LimitOverride> overrides() {
    return overrides;
  }

  /** The limits of {@code plan} (the plan in force, or one to change to) with the overrides. */
  public Limits limitsOn(Plan plan) {
    return plan.limits().overriddenBy(overrides);
  }

  /**
   * The plans in force within {@code [from, to)}, in order, each clipped to that interval; nothing
   * before the first change (the tenant did not exist yet).
   */
  public List<PlanPeriod> periodsWithin(Instant from, Instant to) {
    List<PlanPeriod> periods = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      Instant start = changes.get(i).effectiveFrom();
      Instant end = i + 1 < changes.size() ? changes.get(i + 1).effectiveFrom() : null;
      Instant clippedStart = start.isAfter(from) ? start : from;
      Instant clippedEnd = end == null || end.isAfter(to) ? to : end;
      if (clippedStart.isBefore(clippedEnd)) {
        periods.add(new PlanPeriod(changes.get(i).planCode(), clippedStart, clippedEnd));
      }
    }
    return periods;
  }

  /** A plan in force from {@code from} (inclusive) to {@code to} (exclusive). */
  public record PlanPeriod(String planCode, Instant from, Instant to) {}
}
