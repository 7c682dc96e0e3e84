/**
 * Ingestion: purchases, refunds and redemptions reported by partners, recorded through one
 * application service, {@link club.bloom.ingestion.application.PurchaseIntake}, which the API calls
 * today and the CSV import and the cashier's terminal will call (ADR 0039). The receipt goes to the
 * partner's schema and the member-facing fact to the club's schema in one transaction. Ingestion is
 * the downstream orchestrator: it calls membership, onboarding, catalogue, rules, ledger, tiers,
 * billing and idempotency, and nothing imports it; it answers the tiers' and the ledger's questions
 * about purchases through ports they own.
 */
package club.bloom.ingestion;
