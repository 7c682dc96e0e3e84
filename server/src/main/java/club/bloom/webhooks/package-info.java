/**
 * Webhooks (ADR 0042): clubs and partners register endpoints; the facts other contexts announce as
 * domain events ({@code PurchaseAccepted}, {@code TierChanged}…) become, inside the fact's
 * transaction, one message per subscribed endpoint and one row of the transactional outbox (ADR
 * 0032) ordered per endpoint and member; the outbox's dispatcher hands each to this context's
 * channel, which signs it (Standard Webhooks) and posts it. Downstream of ingestion, tiers, ledger,
 * communications, access and tenancy; no context depends on it.
 */
package club.bloom.webhooks;
