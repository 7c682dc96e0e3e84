package club.bloom.billing.domain;

import club.bloom.tenancy.domain.TenantId;

/** Counts an admitted API request of a tenant in the month it was made (its own short write). */
public interface ApiRequestMeter {
  void count(TenantId tenant, String month);
}
