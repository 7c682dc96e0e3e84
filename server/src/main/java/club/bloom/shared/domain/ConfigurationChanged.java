package club.bloom.shared.domain;

import java.util.Objects;

/**
 * A club's configuration that purchases read — categories, tiers, earning rules, currencies, the
 * ledger policy — was changed in the current transaction (ADR 0040). Fired by the service that
 * changed it; the caches of that configuration observe it after the transaction succeeded and drop
 * what they kept for the schema, so the next purchase on this replica reads the new configuration.
 *
 * @param schema the club's schema name
 */
public record ConfigurationChanged(String schema) {
  public ConfigurationChanged {
    Objects.requireNonNull(schema);
  }
}
