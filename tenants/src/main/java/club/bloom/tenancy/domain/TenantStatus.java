package club.bloom.tenancy.domain;

/**
 * Lifecycle of a tenant. Only ACTIVE tenants accept credentials and traffic. SUSPENDED is set by
 * the operator: the tenant's credentials are refused, its data is kept, and resuming restores it.
 */
public enum TenantStatus {
  PROVISIONING,
  ACTIVE,
  SUSPENDED
}
