package club.bloom.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LimitsTest {
  private static final TenantId TENANT = TenantId.random();
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void aPlanLimitsWhatItSetsAndLeavesTheRestUnlimited() {
    Limits free = Catalogue.FREE.limits();
    assertEquals(OptionalLong.of(1000), free.allowed(Limit.PURCHASES_PER_MONTH));
    assertEquals(OptionalLong.of(10), free.allowed(Limit.API_REQUESTS_PER_SECOND));

    Limits enterprise = Catalogue.ENTERPRISE.limits();
    assertTrue(enterprise.allowed(Limit.MEMBERS).isEmpty(), "unlimited members");
    assertEquals(OptionalLong.of(500), enterprise.allowed(Limit.API_REQUESTS_PER_SECOND));
  }

  @Test
  void theOperatorsOverridesHoldOverThePlanEitherWay() {
    Limits limits =
        Catalogue.FREE
            .limits()
            .overriddenBy(
                List.of(
                    new LimitOverride(TENANT, Limit.PURCHASES_PER_MONTH, 5000L, "ops", NOW),
                    new LimitOverride(TENANT, Limit.MEMBERS, null, "ops", NOW),
                    new LimitOverride(TENANT, Limit.API_REQUESTS_PER_SECOND, 1L, "ops", NOW)));
    assertEquals(OptionalLong.of(5000), limits.allowed(Limit.PURCHASES_PER_MONTH));
    assertTrue(limits.allowed(Limit.MEMBERS).isEmpty(), "an override without value: unlimited");
    assertEquals(OptionalLong.of(1), limits.allowed(Limit.API_REQUESTS_PER_SECOND));
    assertEquals(OptionalLong.of(3), limits.allowed(Limit.PARTNERS_PER_CLUB), "untouched");
    assertEquals(OptionalLong.of(1000), Catalogue.FREE.limits().allowed(Limit.PURCHASES_PER_MONTH));
  }

  @Test
  void aDowngradeBelowWhatIsUsedNamesEachLimitItBreaks() {
    List<PlanBelowUsage.Shortfall> shortfalls =
        Catalogue.FREE
            .limits()
            .shortfalls(
                Map.of(
                    Limit.MEMBERS, 620L,
                    Limit.PARTNERS_PER_CLUB, 3L,
                    Limit.PURCHASES_PER_MONTH, 1001L));
    assertEquals(
        List.of(
            new PlanBelowUsage.Shortfall(Limit.MEMBERS, 500, 620),
            new PlanBelowUsage.Shortfall(Limit.PURCHASES_PER_MONTH, 1000, 1001)),
        shortfalls);
    PlanBelowUsage problem = new PlanBelowUsage("Free", shortfalls);
    assertEquals("plan-below-usage", problem.type());
    assertEquals(
        List.of("members", "purchasesPerMonth"),
        problem.fields().stream().map(f -> f.field()).toList());
    assertTrue(problem.getMessage().contains("members allows 500, 620 used"), problem.getMessage());
    assertTrue(
        Catalogue.ENTERPRISE.limits().shortfalls(Map.of(Limit.MEMBERS, 10_000_000L)).isEmpty());
  }

  @Test
  void membersAndPartnersAreLimitsOfClubsOnly() {
    assertTrue(Limit.MEMBERS.appliesTo(TenantKind.CLUB));
    assertFalse(Limit.MEMBERS.appliesTo(TenantKind.PARTNER));
    assertFalse(Limit.PARTNERS_PER_CLUB.appliesTo(TenantKind.PARTNER));
    assertTrue(Limit.PURCHASES_PER_MONTH.appliesTo(TenantKind.PARTNER));
  }

  @Test
  void contractNamesRoundTrip() {
    for (Limit limit : Limit.values()) {
      assertEquals(limit, Limit.byContractName(limit.contractName()).orElseThrow());
    }
    assertTrue(Limit.byContractName("MEMBERS").isEmpty());
  }
}
