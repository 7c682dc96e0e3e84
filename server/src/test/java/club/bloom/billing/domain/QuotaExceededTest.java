package club.bloom.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.shared.domain.ProblemKind;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuotaExceededTest {
  private static final Instant NOW = Instant.parse("2026-11-30T20:59:58.500Z");

  @Test
  void namesTheLimitTheUsageAndThePlanAndWhenItResets() {
    Tenant partner =
        Tenant.register(TenantKind.PARTNER, new Slug("flora-studio"), "Flora", null, null, NOW);
    QuotaExceeded e =
        new QuotaExceeded(
            partner,
            Catalogue.FREE,
            Limit.PURCHASES_PER_MONTH,
            1000,
            1000,
            1,
            Optional.of(Instant.parse("2026-11-30T21:00:00Z")),
            NOW);
    assertEquals(ProblemKind.QUOTA_EXCEEDED, e.kind());
    assertEquals("quota-exceeded", e.type());
    assertEquals(
        "The plan Free of partner flora-studio allows 1000 purchases a month"
            + " (purchasesPerMonth); 1000 used. Upgrade the plan, or retry after"
            + " 2026-11-30T21:00:00Z.",
        e.getMessage());
    assertEquals("purchasesPerMonth", e.extensions().get("limit"));
    assertEquals(1000L, e.extensions().get("allowed"));
    assertEquals(1000L, e.extensions().get("used"));
    assertEquals("free", e.extensions().get("plan"));
    assertEquals("flora-studio", e.extensions().get("tenant"));
    assertEquals("2", e.headers().get("Retry-After"), "1.5 s rounds up to 2");
  }

  @Test
  void aStockLimitDoesNotResetSoThereIsNoRetryAfter() {
    Tenant club = Tenant.register(TenantKind.CLUB, new Slug("bloom-care"), "B", "ru", null, NOW);
    QuotaExceeded e =
        new QuotaExceeded(
            club, Catalogue.START, Limit.MEMBERS, 5000, 5000, 1, Optional.empty(), NOW);
    assertTrue(e.headers().isEmpty());
    assertTrue(e.getMessage().endsWith("Upgrade the plan to add more."), e.getMessage());
    assertEquals("club", e.extensions().get("tenantKind"));
  }

  @Test
  void aRefusedRequestThatAddsSeveralSaysHowMany() {
    Tenant partner = Tenant.register(TenantKind.PARTNER, new Slug("spa-one"), "S", null, null, NOW);
    QuotaExceeded e =
        new QuotaExceeded(
            partner,
            Catalogue.FREE,
            Limit.CSV_ROWS_PER_DAY,
            1000,
            990,
            20,
            Optional.of(NOW.plusSeconds(3600)),
            NOW);
    assertEquals(20L, e.extensions().get("requested"));
    assertTrue(e.getMessage().contains("990 used; this request adds 20"), e.getMessage());
  }
}
