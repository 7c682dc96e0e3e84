package club.bloom.billing.domain;

import club.bloom.tenancy.domain.TenantId;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Usage counters per tenant, metric and period (platform schema); joins the caller's transaction.
 */
public interface UsageCounters {
  /**
   * Adds {@code quantity} to the counter if the total stays within {@code ceiling} (empty:
   * unlimited). Atomic: concurrent additions never together exceed the ceiling; the counter row
   * stays locked until the transaction ends, and rolls back with it.
   *
   * @return false, and nothing added, when the total would exceed the ceiling
   */
  boolean addWithin(
      TenantId tenant, Metric metric, String period, long quantity, OptionalLong ceiling);

  long get(TenantId tenant, Metric metric, String period);

  /** The counters of periods whose key starts with {@code prefix} (the days of a month). */
  Map<String, Long> byPeriodStartingWith(TenantId tenant, Metric metric, String prefix);

  /** The counters of several tenants, each for its own period, of one metric. */
  Map<TenantId, Long> of(Map<TenantId, String> periodOfTenant, Metric metric);
}
