package club.bloom.tenancy.domain;

/** Lifecycle of a tenant. Only ACTIVE tenants accept credentials and traffic. */
public enum TenantStatus {
  PROVISIONING,
  ACTIVE
}
