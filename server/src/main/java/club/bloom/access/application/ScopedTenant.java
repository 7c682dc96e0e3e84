package club.bloom.access.application;

import club.bloom.access.domain.Caller;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;

/**
 * The one rule behind {@link StaffScope} and {@link PartnerScope}: an active tenant of the kind,
 * for an operator, or for a caller of that tenant entitled by its roles; anything else is the same
 * 404 as a tenant that does not exist.
 */
final class ScopedTenant {
  private ScopedTenant() {}

  static Tenant find(
      TenantRegistry tenants, Caller caller, TenantKind kind, Slug slug, boolean entitled) {
    Tenant tenant =
        tenants.find(kind, slug).filter(Tenant::isActive).orElseThrow(() -> unknown(kind, slug));
    if (caller.isOperator() || (entitled && caller.belongsTo(tenant.id()))) {
      return tenant;
    }
    throw unknown(kind, slug);
  }

  private static NotFound unknown(TenantKind kind, Slug slug) {
    return kind == TenantKind.CLUB
        ? new NotFound("unknown-club", "Unknown club", "No club " + slug + " for this caller")
        : new NotFound(
            "unknown-partner", "Unknown partner", "No partner " + slug + " for this caller");
  }
}
