package club.bloom.access.application;

import club.bloom.access.domain.Caller;
import club.bloom.access.domain.Roles;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which club a staff caller may act on: an operator any active club, a club owner/admin only the
 * club of its own realm. Anything else looks like a club that does not exist (404), so ids of other
 * tenants reveal nothing.
 */
@ApplicationScoped
public class StaffScope {
  @Inject TenantRegistry tenants;

  public Tenant clubFor(Caller caller, Slug slug) {
    return club(caller, slug, caller.has(Roles.CLUB_ADMIN) || caller.has(Roles.CLUB_OWNER));
  }

  /** As {@link #clubFor}, and the club's analysts too (for reads). */
  public Tenant clubForReading(Caller caller, Slug slug) {
    return club(
        caller,
        slug,
        caller.has(Roles.CLUB_ADMIN)
            || caller.has(Roles.CLUB_OWNER)
            || caller.has(Roles.CLUB_ANALYST));
  }

  /**
   * As {@link #clubFor}, and the club's own API keys with the scope {@code reports:read} (reports
   * and statements).
   */
  public Tenant clubForReports(Caller caller, Slug slug) {
    return club(
        caller,
        slug,
        caller.has(Roles.CLUB_ADMIN)
            || caller.has(Roles.CLUB_OWNER)
            || (caller.credential() == Caller.Credential.API_KEY
                && caller.has(Roles.REPORTS_READ)));
  }

  private Tenant club(Caller caller, Slug slug, boolean staff) {
    return ScopedTenant.find(tenants, caller, TenantKind.CLUB, slug, staff);
  }
}
