package club.bloom.billing.domain;

import club.bloom.tenancy.domain.TenantId;

/**
 * Counts admitted API requests of a tenant in the month they were made. The count is informational
 * (no limit is checked against it), so it may be written a moment after the request (ADR 0040).
 */
public interface ApiRequestMeter {
  void count(TenantId tenant, String month);

  /** Writes what was counted and not written yet (before a usage read, at shutdown). */
  void flush();
}
