/**
 * Plans, limits, subscriptions, usage periods and statements, quota and rate decisions. Plain Java
 * plus JPA mapping; ports for counters, the rate limiter and the gauges of other contexts.
 */
package club.bloom.billing.domain;
