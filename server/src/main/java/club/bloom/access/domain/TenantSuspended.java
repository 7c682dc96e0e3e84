package club.bloom.access.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import java.util.Map;

/**
 * The credential is genuine, but its tenant is suspended by the platform operator: the tenant's API
 * keys and logins are refused until it is resumed. Its data is kept.
 */
public class TenantSuspended extends BloomException {
  private static final long serialVersionUID = 1L;
  private final String tenant;

  public TenantSuspended(Tenant suspended) {
    super(
        ProblemKind.FORBIDDEN,
        "tenant-suspended",
        "Tenant suspended",
        (suspended.kind() == TenantKind.CLUB ? "The club " : "The partner ")
            + suspended.slug()
            + " is suspended by the platform operator; its API keys and logins are refused"
            + " until it is resumed. Its data is kept.");
    this.tenant = suspended.slug().value();
  }

  @Override
  public Map<String, Object> extensions() {
    return Map.of("tenant", tenant);
  }
}
