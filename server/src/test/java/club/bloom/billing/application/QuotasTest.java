package club.bloom.billing.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import club.bloom.billing.domain.Catalogue;
import club.bloom.billing.domain.Limit;
import club.bloom.billing.domain.LimitOverride;
import club.bloom.billing.domain.Metric;
import club.bloom.billing.domain.Plan;
import club.bloom.billing.domain.PlanChange;
import club.bloom.billing.domain.QuotaExceeded;
import club.bloom.billing.domain.Subscription;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Metering and quotas, with the subscriptions and counters in memory. */
class QuotasTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final Instant REGISTERED = Instant.parse("2026-10-01T00:00:00Z");

  private final Tenant partner =
      Tenant.register(TenantKind.PARTNER, new Slug("flora"), "Flora", null, null, REGISTERED);
  private final Tenant club =
      Tenant.register(TenantKind.CLUB, new Slug("bloom-care"), "B&C", "ru", null, REGISTERED);
  private final Map<TenantId, Plan> planOf = new HashMap<>();
  private final Map<TenantId, List<LimitOverride>> overrides = new HashMap<>();
  private final Map<Limit, Long> held = new HashMap<>();
  private final List<TenantId> locked = new ArrayList<>();
  private final InMemoryUsageCounters counters = new InMemoryUsageCounters();
  private final Quotas quotas = new Quotas();

  @BeforeEach
  void wire() {
    quotas.counters = counters;
    quotas.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    quotas.subscriptions =
        new Subscriptions() {
          @Override
          public InForce inForce(Tenant tenant, Instant at) {
            Plan plan = planOf.getOrDefault(tenant.id(), Catalogue.FREE);
            Subscription s =
                new Subscription(
                    tenant.id(),
                    List.of(new PlanChange(tenant.id(), plan.code(), REGISTERED, "t", REGISTERED)),
                    overrides.getOrDefault(tenant.id(), List.of()));
            return new InForce(s, plan, s.limitsOn(plan));
          }

          @Override
          public void lock(Tenant tenant, Instant now) {
            locked.add(tenant.id());
          }

          @Override
          public OptionalLong held(Tenant tenant, Limit limit, Instant at) {
            return limit.appliesTo(tenant.kind())
                ? OptionalLong.of(held.getOrDefault(limit, 0L))
                : OptionalLong.empty();
          }
        };
  }

  private void override(Tenant tenant, Limit limit, Long value) {
    overrides
        .computeIfAbsent(tenant.id(), t -> new ArrayList<>())
        .add(new LimitOverride(tenant.id(), limit, value, "ops", NOW));
  }

  @Test
  void anAcceptedPurchaseCountsOnceForThePartnerAndOnceForTheClubInTheirMonth() {
    quotas.purchaseAccepted(partner, club);
    quotas.purchaseAccepted(partner, club);
    assertEquals(2, counters.get(partner.id(), Metric.PURCHASES, "2026-11"));
    assertEquals(2, counters.get(club.id(), Metric.PURCHASES, "2026-11"));
  }

  @Test
  void aPurchaseBeyondThePartnersMonthlyLimitIsRefusedWith402AndDoesNotCount() {
    override(partner, Limit.PURCHASES_PER_MONTH, 2L);
    quotas.purchaseAccepted(partner, club);
    quotas.purchaseAccepted(partner, club);
    QuotaExceeded e =
        assertThrows(QuotaExceeded.class, () -> quotas.purchaseAccepted(partner, club));
    assertEquals("purchasesPerMonth", e.extensions().get("limit"));
    assertEquals(2L, e.extensions().get("allowed"));
    assertEquals(2L, e.extensions().get("used"));
    assertEquals("flora", e.extensions().get("tenant"));
    assertEquals("2026-11-30T21:00:00Z", e.extensions().get("resetsAt"), "Dec 1 in Moscow");
    assertEquals(2, counters.get(partner.id(), Metric.PURCHASES, "2026-11"));
    assertEquals(2, counters.get(club.id(), Metric.PURCHASES, "2026-11"), "the club was not asked");
  }

  @Test
  void theClubsMonthlyLimitRefusesAPurchaseOfAnyOfItsPartners() {
    override(club, Limit.PURCHASES_PER_MONTH, 1L);
    quotas.purchaseAccepted(partner, club);
    QuotaExceeded e =
        assertThrows(QuotaExceeded.class, () -> quotas.purchaseAccepted(partner, club));
    assertEquals("bloom-care", e.extensions().get("tenant"));
    assertEquals("club", e.extensions().get("tenantKind"));
  }

  @Test
  void anUnlimitedPlanNeverRefuses() {
    planOf.put(partner.id(), Catalogue.ENTERPRISE);
    planOf.put(club.id(), Catalogue.ENTERPRISE);
    for (int i = 0; i < 2000; i++) {
      quotas.purchaseAccepted(partner, club);
    }
    assertEquals(2000, counters.get(partner.id(), Metric.PURCHASES, "2026-11"));
  }

  @Test
  void csvRowsAreCountedPerDayAndABatchThatWouldOverflowIsRefusedWhole() {
    quotas.consume(partner, Limit.CSV_ROWS_PER_DAY, 600);
    QuotaExceeded e =
        assertThrows(
            QuotaExceeded.class, () -> quotas.consume(partner, Limit.CSV_ROWS_PER_DAY, 500));
    assertEquals(600L, e.extensions().get("used"));
    assertEquals(500L, e.extensions().get("requested"));
    assertEquals(600, counters.get(partner.id(), Metric.CSV_ROWS, "2026-11-24"));
    quotas.consume(partner, Limit.CSV_ROWS_PER_DAY, 400);
    assertEquals(1000, counters.get(partner.id(), Metric.CSV_ROWS, "2026-11-24"));
  }

  @Test
  void aMemberIsAdmittedUpToTheLimitUnderTheSubscriptionsLock() {
    override(club, Limit.MEMBERS, 3L);
    held.put(Limit.MEMBERS, 2L);
    assertDoesNotThrow(() -> quotas.admit(club, Limit.MEMBERS));
    assertEquals(List.of(club.id()), locked);
    held.put(Limit.MEMBERS, 3L);
    QuotaExceeded e = assertThrows(QuotaExceeded.class, () -> quotas.admit(club, Limit.MEMBERS));
    assertEquals("members", e.extensions().get("limit"));
    assertEquals(3L, e.extensions().get("used"));
    assertEquals(Map.of(), e.headers(), "a stock does not reset");
  }

  @Test
  void aPartnersPlanDoesNotLimitMembersOrPartners() {
    held.put(Limit.MEMBERS, 1_000_000L);
    assertDoesNotThrow(() -> quotas.admit(partner, Limit.MEMBERS));
    assertEquals(List.of(), locked);
  }

  @Test
  void onlyFlowsAreConsumedAndOnlyStocksAdmitted() {
    assertThrows(IllegalArgumentException.class, () -> quotas.consume(club, Limit.MEMBERS, 1));
    assertThrows(
        IllegalArgumentException.class, () -> quotas.admit(club, Limit.PURCHASES_PER_MONTH));
  }
}
