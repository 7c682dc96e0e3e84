package club.bloom.tenancy.domain;

import java.util.regex.Pattern;

/**
 * A PostgreSQL schema owned by one tenant. The format is checked here so that a schema name can
 * never carry anything but {@code club_} / {@code partner_} and a slug: it is used in DDL and on
 * the search path of a tenant's transactions.
 */
public record SchemaName(String value) {
  private static final Pattern FORMAT = Pattern.compile("^(club|partner)_[a-z][a-z0-9_]{1,39}$");

  public SchemaName {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a tenant schema name: " + value);
    }
  }

  /** A club's schema (else a partner's). */
  public boolean isClub() {
    return value.startsWith("club_");
  }

  @Override
  public String toString() {
    return value;
  }
}
