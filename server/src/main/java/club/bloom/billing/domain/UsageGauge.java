package club.bloom.billing.domain;

import club.bloom.tenancy.domain.Tenant;
import java.time.Instant;

/**
 * How much of a stock a tenant holds, measured by the context that owns it (members by membership,
 * partners by onboarding). Billing asks after it has locked the tenant's subscription, so that
 * admissions against the same limit are serialised.
 */
public interface UsageGauge {
  /**
   * Asked for as "at", it means everything held so far, whatever the clocks of the replicas that
   * recorded it.
   */
  Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

  /** The stock limit this gauge measures. */
  Limit limit();

  /**
   * What the tenant held just before that instant (the end of a past month, or {@link #LATEST}).
   */
  long heldAt(Tenant tenant, Instant at);
}
