package club.bloom.billing.application;

import club.bloom.billing.application.Subscriptions.Rate;
import club.bloom.billing.domain.ApiRequestMeter;
import club.bloom.billing.domain.RateDecision;
import club.bloom.billing.domain.RateLimiter;
import club.bloom.billing.domain.SubscriptionChanged;
import club.bloom.billing.domain.UsagePeriod;
import club.bloom.tenancy.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Admits a tenant's requests at its plan's rate ({@code apiRequestsPerSecond}) and counts the
 * admitted ones. The bucket lives in PostgreSQL, shared by all replicas. The rate itself is read
 * from the subscription and kept for a few seconds per replica: a plan change reaches this replica
 * at once and the others within {@link #RATE_KEPT_FOR}.
 */
@ApplicationScoped
public class RateLimiting {
  static final Duration RATE_KEPT_FOR = Duration.ofSeconds(5);

  @Inject RateLimiter limiter;
  @Inject ApiRequestMeter meter;
  @Inject Subscriptions subscriptions;
  @Inject Clock clock;

  private final ConcurrentMap<TenantId, KeptRate> rates = new ConcurrentHashMap<>();

  /**
   * Admits (and counts) one request of the tenant, or refuses it. Empty when the tenant's rate is
   * unlimited (the request is admitted and counted).
   */
  public Optional<RateDecision> admit(TenantId tenant) {
    Instant now = clock.instant();
    KeptRate kept = rates.get(tenant);
    if (kept == null || now.isAfter(kept.until())) {
      kept = new KeptRate(subscriptions.rate(tenant), now.plus(RATE_KEPT_FOR));
      rates.put(tenant, kept);
    }
    Optional<RateDecision> decision = Optional.empty();
    if (kept.rate().perSecond().isPresent()) {
      decision = Optional.of(limiter.tryAcquire(tenant, kept.rate().perSecond().getAsLong()));
      if (!decision.get().admitted()) {
        return decision;
      }
    }
    meter.count(tenant, UsagePeriod.monthOf(now, kept.rate().zone()).key());
    return decision;
  }

  void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriptionChanged event) {
    rates.remove(event.tenant());
  }

  private record KeptRate(Rate rate, Instant until) {}
}
