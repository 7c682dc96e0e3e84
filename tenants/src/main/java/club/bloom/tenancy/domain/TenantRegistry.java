package club.bloom.tenancy.domain;

import java.util.List;
import java.util.Optional;

/** The platform's list of tenants and trusted issuers. */
public interface TenantRegistry {
  Optional<Tenant> find(TenantKind kind, Slug slug);

  Optional<Tenant> find(TenantId id);

  List<Tenant> findAll(List<TenantId> ids);

  /** Active tenants of a kind. */
  List<Tenant> active(TenantKind kind);

  /**
   * A page of all tenants in any status, ordered by kind then slug, starting after {@code after}
   * (exclusive) when given; {@code kind} empty lists both kinds.
   */
  default List<Tenant> page(Optional<TenantKind> kind, Optional<TenantKey> after, int limit) {
    return page(new TenantFilter(kind, Optional.empty(), Optional.empty()), after, limit);
  }

  /** The same, for the tenants that pass the filter. */
  List<Tenant> page(TenantFilter filter, Optional<TenantKey> after, int limit);

  /**
   * Which tenants to list: of a kind, in a status, and whose slug or name contains {@code text}
   * (ignoring case); an empty part does not filter.
   */
  record TenantFilter(
      Optional<TenantKind> kind, Optional<TenantStatus> status, Optional<String> text) {}

  /** Where a page of tenants ends: the kind and slug of its last tenant. */
  record TenantKey(TenantKind kind, Slug slug) {}

  void add(Tenant tenant);

  /** The tenants whose schema exists (provisioning got past registration), any status. */
  List<Tenant> withSchemas();

  /** The changelog revision each tenant schema was last migrated to, by schema name. */
  java.util.Map<String, String> schemaRevisions();

  /** Records that the schema was migrated to {@code revision} ({@code changesets} of them). */
  void schemaMigrated(SchemaName schema, String revision, int changesets, java.time.Instant at);

  Optional<TrustedIssuer> trustedIssuer(String issuer);

  void trust(TrustedIssuer issuer);
}
