package club.bloom.tenancy.domain;

/** Creates a schema if needed and brings it to the latest changeset of its kind. */
public interface SchemaMigrator {
  void migratePlatform();

  void migrate(TenantKind kind, SchemaName schema);
}
