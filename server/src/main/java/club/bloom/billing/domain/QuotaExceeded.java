package club.bloom.billing.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What was asked would take a tenant beyond a limit of its plan (402). Names the limit, what it
 * allows, what is used and the plan; for a flow limit, when the period resets ({@code
 * Retry-After}). Nothing of the refused request is recorded.
 */
public class QuotaExceeded extends BloomException {
  private static final long serialVersionUID = 1L;
  private final transient Map<String, Object> extensions;
  private final transient Map<String, String> headers;

  public QuotaExceeded(
      Tenant tenant,
      Plan plan,
      Limit limit,
      long allowed,
      long used,
      long requested,
      Optional<Instant> resetsAt,
      Instant now) {
    super(
        ProblemKind.QUOTA_EXCEEDED,
        "quota-exceeded",
        "Plan limit reached",
        detail(tenant, plan, limit, allowed, used, requested, resetsAt));
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put("limit", limit.contractName());
    ext.put("allowed", allowed);
    ext.put("used", used);
    if (requested != 1) {
      ext.put("requested", requested);
    }
    ext.put("plan", plan.code());
    ext.put("tenant", tenant.slug().value());
    ext.put("tenantKind", tenant.kind() == TenantKind.CLUB ? "club" : "partner");
    resetsAt.ifPresent(r -> ext.put("resetsAt", r.toString()));
    this.extensions = Map.copyOf(ext);
    this.headers =
        resetsAt
            .map(r -> Map.of("Retry-After", Long.toString(secondsUntil(now, r))))
            .orElse(Map.of());
  }

  private static String detail(
      Tenant tenant,
      Plan plan,
      Limit limit,
      long allowed,
      long used,
      long requested,
      Optional<Instant> resetsAt) {
    String who = (tenant.kind() == TenantKind.CLUB ? "club " : "partner ") + tenant.slug();
    String asked = requested == 1 ? "" : "; this request adds " + requested;
    return "The plan "
        + plan.name()
        + " of "
        + who
        + " allows "
        + allowed
        + " "
        + limit.noun()
        + " ("
        + limit.contractName()
        + "); "
        + used
        + " used"
        + asked
        + ". "
        + resetsAt
            .map(r -> "Upgrade the plan, or retry after " + r + ".")
            .orElse("Upgrade the plan to add more.");
  }

  /** Whole seconds from {@code now} until {@code then}, rounded up, at least 1. */
  static long secondsUntil(Instant now, Instant then) {
    Duration d = Duration.between(now, then);
    long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  @Override
  public Map<String, Object> extensions() {
    return extensions;
  }

  @Override
  public Map<String, String> headers() {
    return headers;
  }
}
