package club.bloom.tenancy.domain;

/** The two kinds of tenant; each owns one schema named with its prefix. */
public enum TenantKind {
  CLUB("club_"),
  PARTNER("partner_");

  private final String schemaPrefix;

  TenantKind(String schemaPrefix) {
    this.schemaPrefix = schemaPrefix;
  }

  public SchemaName schemaFor(Slug slug) {
    return new SchemaName(schemaPrefix + slug.value().replace('-', '_'));
  }
}
