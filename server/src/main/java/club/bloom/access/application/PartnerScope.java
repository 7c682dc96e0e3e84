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
 * Which partner a caller may act on, the partner-side twin of {@link StaffScope}: an operator any
 * active partner, the partner's owner or admin only its own partner (the organization of the
 * login). Anything else looks like a partner that does not exist (404), so slugs of other tenants
 * reveal nothing.
 */
@ApplicationScoped
public class PartnerScope {
  @Inject TenantRegistry tenants;

  /** For changes: the partner's owner or admin (or an operator). */
  public Tenant partnerFor(Caller caller, Slug slug) {
    return partner(
        caller, slug, caller.has(Roles.PARTNER_OWNER) || caller.has(Roles.PARTNER_ADMIN));
  }

  /** As {@link #partnerFor}, and the partner's analysts too (for reads). */
  public Tenant partnerForReading(Caller caller, Slug slug) {
    return partner(
        caller,
        slug,
        caller.has(Roles.PARTNER_OWNER)
            || caller.has(Roles.PARTNER_ADMIN)
            || caller.has(Roles.PARTNER_ANALYST));
  }

  /**
   * For what the counter needs to know about its own partner (its clubs and the categories it may
   * report in each): the partner's staff of every role, the cashier included (or an operator).
   */
  public Tenant partnerForCounter(Caller caller, Slug slug) {
    return partner(
        caller,
        slug,
        caller.has(Roles.PARTNER_OWNER)
            || caller.has(Roles.PARTNER_ADMIN)
            || caller.has(Roles.PARTNER_ANALYST)
            || caller.has(Roles.CASHIER));
  }

  /** For the partner's statements: its owner or admin, or its API keys with reports:read. */
  public Tenant partnerForReports(Caller caller, Slug slug) {
    return partner(
        caller,
        slug,
        caller.has(Roles.PARTNER_OWNER)
            || caller.has(Roles.PARTNER_ADMIN)
            || (caller.credential() == Caller.Credential.API_KEY
                && caller.has(Roles.REPORTS_READ)));
  }

  private Tenant partner(Caller caller, Slug slug, boolean staff) {
    return ScopedTenant.find(tenants, caller, TenantKind.PARTNER, slug, staff);
  }
}
