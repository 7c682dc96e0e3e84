/**
 * Cabinet: read models of one member composed from the contexts that own the facts — the member's
 * own cabinet ({@code /me}: passport, balances from the ledger, tier progress from tiers, purchase
 * history from ingestion, category names from the catalogue, pending consents) and the member card
 * that club staff and partners' cashiers see. Downstream of membership, ledger, tiers, ingestion
 * and catalogue; nothing imports it (ADR 0039). It decides nothing: every rule stays with the
 * context that owns it, and personal fields are opened only through membership's disclosure point.
 */
package club.bloom.cabinet;
