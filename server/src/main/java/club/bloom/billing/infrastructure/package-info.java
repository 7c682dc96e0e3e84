/**
 * JPA and SQL for plans, subscriptions and usage counters in the platform schema; Bucket4j's
 * PostgreSQL proxy manager and the API request meter on the non-transactional data source.
 */
package club.bloom.billing.infrastructure;
