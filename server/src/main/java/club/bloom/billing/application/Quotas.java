package club.bloom.billing.application;

import club.bloom.billing.application.Subscriptions.InForce;
import club.bloom.billing.domain.Limit;
import club.bloom.billing.domain.Metric;
import club.bloom.billing.domain.QuotaExceeded;
import club.bloom.billing.domain.SubscriptionChanged;
import club.bloom.billing.domain.UsageCounters;
import club.bloom.billing.domain.UsageGauge;
import club.bloom.billing.domain.UsagePeriod;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Admits usage against a tenant's plan, inside the transaction of what is used, so that a refused
 * or rolled-back request never counts and an idempotent replay (which does no work) never counts
 * twice. Beyond a limit: {@link QuotaExceeded} (402), and the caller's transaction rolls back.
 *
 * <p>Flows (purchases a month, CSV rows a day) are counted with a conditional increment of the
 * period's counter: its row stays locked until the transaction ends, so call it as late as possible
 * in the transaction. Stocks (members, partners) lock the tenant's subscription, then ask the
 * owning context how much is held, so concurrent admissions cannot both take the last place.
 */
@ApplicationScoped
public class Quotas {
  /**
   * How long a replica keeps a tenant's limits for counting flows (ADR 0036): reading the plan
   * history and the overrides is two queries per tenant per purchase. A change made on this replica
   * holds at once ({@link SubscriptionChanged}); other replicas follow within this time. Stocks
   * (members, partners) are always admitted on fresh limits under the subscription's lock.
   */
  static final Duration LIMITS_KEPT_FOR = Duration.ofSeconds(5);

  @Inject Subscriptions subscriptions;
  @Inject UsageCounters counters;
  @Inject Clock clock;

  private final ConcurrentMap<TenantId, Kept> kept = new ConcurrentHashMap<>();

  /**
   * A purchase was accepted: it counts for the partner that reported it and for the club it was
   * recorded in, each within its own plan's monthly limit.
   */
  @Transactional(
      value = Transactional.TxType.MANDATORY,
      dontRollbackOn = club.bloom.shared.domain.BloomException.class)
  public void purchaseAccepted(Tenant partner, Tenant club) {
    consume(partner, Limit.PURCHASES_PER_MONTH, 1);
    consume(club, Limit.PURCHASES_PER_MONTH, 1);
  }

  /** Counts {@code quantity} of a flow (purchases a month, CSV rows a day) within the plan. */
  @Transactional(
      value = Transactional.TxType.MANDATORY,
      dontRollbackOn = club.bloom.shared.domain.BloomException.class)
  public void consume(Tenant tenant, Limit limit, long quantity) {
    Metric metric =
        limit
            .metric()
            .orElseThrow(() -> new IllegalArgumentException(limit + " is not counted per period"));
    Instant now = clock.instant();
    UsagePeriod period = UsagePeriod.of(limit, now, Subscriptions.zone(tenant));
    InForce inForce = keptInForce(tenant, now);
    OptionalLong allowed = inForce.limits().allowed(limit);
    if (!counters.addWithin(tenant.id(), metric, period.key(), quantity, allowed)) {
      throw new QuotaExceeded(
          tenant,
          inForce.plan(),
          limit,
          allowed.getAsLong(),
          counters.get(tenant.id(), metric, period.key()),
          quantity,
          Optional.of(period.end()),
          now);
    }
  }

  /** Admits one more of a stock (a member, a partner of a club) within the plan. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void admit(Tenant tenant, Limit limit) {
    if (limit.shape() != Limit.Shape.STOCK) {
      throw new IllegalArgumentException(limit + " is not a stock");
    }
    if (!limit.appliesTo(tenant.kind())) {
      return;
    }
    Instant now = clock.instant();
    subscriptions.lock(tenant, now);
    InForce inForce = subscriptions.inForce(tenant, now);
    OptionalLong allowed = inForce.limits().allowed(limit);
    if (allowed.isEmpty()) {
      return;
    }
    // Counted after the lock: what concurrent admissions committed is included.
    OptionalLong held = subscriptions.held(tenant, limit, UsageGauge.LATEST);
    if (held.isPresent() && held.getAsLong() + 1 > allowed.getAsLong()) {
      throw new QuotaExceeded(
          tenant,
          inForce.plan(),
          limit,
          allowed.getAsLong(),
          held.getAsLong(),
          1,
          Optional.empty(),
          now);
    }
  }

  private InForce keptInForce(Tenant tenant, Instant now) {
    Kept k = kept.get(tenant.id());
    if (k == null || now.isAfter(k.until())) {
      k = new Kept(subscriptions.inForce(tenant, now), now.plus(LIMITS_KEPT_FOR));
      kept.put(tenant.id(), k);
    }
    return k.inForce();
  }

  void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriptionChanged event) {
    kept.remove(event.tenant());
  }

  private record Kept(InForce inForce, Instant until) {}
}
