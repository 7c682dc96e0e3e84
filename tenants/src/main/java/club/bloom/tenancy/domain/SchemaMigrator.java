package club.bloom.tenancy.domain;

import java.util.Set;

/** Creates a schema if needed and brings it to the latest changeset of its kind. */
public interface SchemaMigrator {
  void migratePlatform();

  void migrate(TenantKind kind, SchemaName schema);

  /** The changesets of the kind's changelog as shipped ({@code id::author::file}). */
  Set<String> expectedChangesets(TenantKind kind);

  /** The changesets applied to the schema, as its Liquibase history records them. */
  Set<String> appliedChangesets(SchemaName schema);

  /**
   * The kind's changelog revision: a digest of its changesets, the same on every replica running
   * the same release.
   */
  String revision(TenantKind kind);
}
