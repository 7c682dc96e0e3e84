/**
 * Earning rules and the pure evaluation of a rule set against the facts of a purchase. Conditions
 * are reached through the {@link club.bloom.rules.domain.ConditionLanguage} port; the CEL engine
 * itself lives in infrastructure. No frameworks beyond JPA mapping annotations.
 */
package club.bloom.rules.domain;
