package club.bloom.billing.domain;

import club.bloom.tenancy.domain.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Subscriptions in the platform schema; all calls join the caller's transaction. */
public interface SubscriptionRepository {
  /** The plan history, in any order. */
  List<PlanChange> changes(TenantId tenant);

  /** The plan histories of several tenants. */
  Map<TenantId, List<PlanChange>> changes(Collection<TenantId> tenants);

  List<LimitOverride> overrides(TenantId tenant);

  /** The overrides of several tenants (a tenant without any is absent). */
  Map<TenantId, List<LimitOverride>> overrides(Collection<TenantId> tenants);

  /**
   * Opens the subscription if the tenant has none: its row, and a first plan change effective from
   * {@code since}. Idempotent and safe under concurrency.
   */
  void open(TenantId tenant, String plan, Instant since, Instant now);

  /**
   * Locks the tenant's subscription row until the transaction ends (opening it first if needed),
   * serialising plan changes and admissions against stock limits of one tenant.
   */
  void lock(TenantId tenant, String defaultPlan, Instant since, Instant now);

  void add(PlanChange change);

  /** Removes the changes effective after {@code at} (a new request replaces a pending one). */
  void cancelChangesAfter(TenantId tenant, Instant at);

  void replaceOverrides(TenantId tenant, List<LimitOverride> overrides);
}
