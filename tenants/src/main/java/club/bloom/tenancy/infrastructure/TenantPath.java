package club.bloom.tenancy.infrastructure;

import club.bloom.tenancy.domain.SchemaName;

/**
 * The tenant schemas one transaction works in: at most one club schema and one partner schema,
 * added as the transaction goes and never removed (see {@link TenantEntityManagers}).
 */
final class TenantPath {
  private SchemaName club;
  private SchemaName partner;

  /**
   * Adds the schema.
   *
   * @return whether the path changed (the schema was not on it yet)
   * @throws IllegalStateException the transaction already works in another schema of that kind
   */
  boolean add(SchemaName schema) {
    if (schema.isClub()) {
      if (club == null) {
        club = schema;
        return true;
      }
      requireSame(club, schema);
      return false;
    }
    if (partner == null) {
      partner = schema;
      return true;
    }
    requireSame(partner, schema);
    return false;
  }

  private static void requireSame(SchemaName held, SchemaName asked) {
    if (!held.equals(asked)) {
      throw new IllegalStateException(
          "a transaction works in one club schema and one partner schema: it holds "
              + held
              + ", and "
              + asked
              + " was asked for");
    }
  }

  /** The value of {@code search_path}: the club's schema, then the partner's. */
  String searchPath() {
    if (club != null && partner != null) {
      return club.value() + ", " + partner.value();
    }
    return club != null ? club.value() : partner.value();
  }
}
