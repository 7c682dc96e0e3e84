package club.bloom.access.domain;

import club.bloom.tenancy.domain.Tenant;

/**
 * The access context's port onto the plan's {@code staffSeats} limit: billing answers it (ADR
 * 0039), so that access, upstream of every context, never imports billing.
 */
public interface StaffSeatQuota {
  /**
   * Admits one more staff seat of the tenant within its plan, under the subscription's lock, inside
   * the caller's transaction.
   *
   * @throws club.bloom.shared.domain.BloomException 402 {@code quota-exceeded} beyond the plan
   */
  void admitOne(Tenant tenant);
}
