/**
 * Nightly runs: when the per-club maintenance jobs run, on which replica, and what each run did
 * (ADR 0037, ADR 0038). Each club's runs happen at a local time of its night ({@code
 * bloom.nightly.local-time} in the club's time zone), on one replica at a time (a PostgreSQL
 * advisory lock per kind and club), are recorded in {@code platform.nightly_run}, and a missed
 * night is caught up once. The jobs themselves belong to their contexts (tier re-evaluation to
 * tiers, point expiry to ledger), which implement {@link
 * club.bloom.nightly.application.NightlyJob}; this context never imports them. Depends on shared
 * and tenancy only.
 */
package club.bloom.nightly;
