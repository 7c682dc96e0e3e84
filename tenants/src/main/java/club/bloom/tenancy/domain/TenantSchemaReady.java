package club.bloom.tenancy.domain;

/**
 * Event: a tenant's schema exists and is migrated. Observers add what their context needs in a new
 * schema (e.g. the club's data key); they must be idempotent, as provisioning may run again.
 */
public record TenantSchemaReady(TenantId tenant, TenantKind kind, SchemaName schema) {}
