package club.bloom.billing.application;

import club.bloom.access.domain.StaffSeatQuota;
import club.bloom.billing.domain.Limit;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Billing's answer to the access context's {@link StaffSeatQuota}: the plan's staff seats. */
@ApplicationScoped
public class StaffSeatQuotaOfPlan implements StaffSeatQuota {
  @Inject Quotas quotas;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void admitOne(Tenant tenant) {
    quotas.admit(tenant, Limit.STAFF_SEATS);
  }
}
