/** JPA for tiers and tier history. */
package club.bloom.tiers.infrastructure;
