/**
 * Billing: the plan catalogue (data, not code), tenants' subscriptions with effective-dated plan
 * changes and operator overrides, usage metered per tenant and period, quotas (402) enforced in the
 * same transaction as what they count, rate limits per tenant (429) whose buckets live in
 * PostgreSQL so that they hold across replicas, monthly usage statements, and the operator's view
 * of tenants with suspension.
 *
 * <p>Other contexts call {@link club.bloom.billing.application.Quotas} where they accept something
 * a plan limits (a purchase, a member, a partner), and implement {@link
 * club.bloom.billing.domain.UsageGauge} for what they hold; billing depends on none of them.
 */
package club.bloom.billing;
