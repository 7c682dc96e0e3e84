/**
 * Use cases of billing: the catalogue, viewing and changing a subscription, admitting usage against
 * the plan (quotas), rate limiting, usage statements, the operator's tenant list and suspension.
 */
package club.bloom.billing.application;
