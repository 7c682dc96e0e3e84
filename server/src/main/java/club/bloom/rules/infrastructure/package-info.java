/**
 * The CEL adapter (declared facts, type checking, compiled programs cached per club and rule) and
 * JPA for the earning rules and policy of a club schema.
 */
package club.bloom.rules.infrastructure;
