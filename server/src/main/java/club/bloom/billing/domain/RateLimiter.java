package club.bloom.billing.domain;

import club.bloom.tenancy.domain.TenantId;

/**
 * Admits requests of a tenant at most {@code perSecond} a second (a token bucket of that capacity,
 * refilled continuously). The bucket's state is shared by every replica of the application.
 */
public interface RateLimiter {
  RateDecision tryAcquire(TenantId tenant, long perSecond);
}
