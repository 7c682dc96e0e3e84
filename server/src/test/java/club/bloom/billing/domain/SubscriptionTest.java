package club.bloom.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.billing.domain.Subscription.PlanPeriod;
import club.bloom.tenancy.domain.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
  private static final TenantId TENANT = TenantId.random();
  private static final Instant REGISTERED = Instant.parse("2026-10-10T09:00:00Z");
  private static final Instant UPGRADED = Instant.parse("2026-11-10T12:00:00Z");
  private static final Instant DOWNGRADE = Instant.parse("2026-11-30T21:00:00Z"); // Dec 1, MSK

  private static PlanChange change(String plan, Instant from) {
    return new PlanChange(TENANT, plan, from, "test", from);
  }

  private final Subscription subscription =
      new Subscription(
          TENANT,
          List.of(
              change("start", DOWNGRADE), change("free", REGISTERED), change("business", UPGRADED)),
          List.of());

  @Test
  void thePlanAtAnInstantIsTheLatestChangeEffectiveByThen() {
    assertEquals("free", subscription.inForceAt(UPGRADED.minusMillis(1)).planCode());
    assertEquals("business", subscription.inForceAt(UPGRADED).planCode());
    assertEquals("start", subscription.inForceAt(DOWNGRADE.plusSeconds(1)).planCode());
    assertEquals("free", subscription.inForceAt(REGISTERED.minusSeconds(60)).planCode());
  }

  @Test
  void aChangeEffectiveLaterIsPending() {
    assertEquals(
        "start", subscription.pendingAfter(UPGRADED.plusSeconds(1)).orElseThrow().planCode());
    assertTrue(subscription.pendingAfter(DOWNGRADE).isEmpty());
  }

  @Test
  void thePlansWithinAMonthAreClippedToIt() {
    Instant from = Instant.parse("2026-10-31T21:00:00Z"); // Nov 1, MSK
    Instant to = Instant.parse("2026-11-30T21:00:00Z");
    assertEquals(
        List.of(new PlanPeriod("free", from, UPGRADED), new PlanPeriod("business", UPGRADED, to)),
        subscription.periodsWithin(from, to));
    assertEquals(
        List.of(new PlanPeriod("free", REGISTERED, Instant.parse("2026-10-31T21:00:00Z"))),
        subscription.periodsWithin(Instant.parse("2026-09-30T21:00:00Z"), from),
        "nothing before the tenant was registered");
  }

  @Test
  void withoutARecordedHistoryATenantIsOnTheDefaultPlanSinceRegistration() {
    Subscription s = Subscription.startingOn(TENANT, List.of(), List.of(), "free", REGISTERED);
    assertEquals("free", s.inForceAt(UPGRADED).planCode());
    assertEquals(REGISTERED, s.inForceAt(UPGRADED).effectiveFrom());
  }

  @Test
  void overridesApplyToWhicheverPlanIsInForce() {
    Subscription s =
        new Subscription(
            TENANT,
            List.of(change("free", REGISTERED)),
            List.of(new LimitOverride(TENANT, Limit.PURCHASES_PER_MONTH, 2L, "ops", UPGRADED)));
    assertEquals(
        OptionalLong.of(2), s.limitsOn(Catalogue.BUSINESS).allowed(Limit.PURCHASES_PER_MONTH));
    assertEquals(OptionalLong.of(50000), s.limitsOn(Catalogue.BUSINESS).allowed(Limit.MEMBERS));
  }
}
