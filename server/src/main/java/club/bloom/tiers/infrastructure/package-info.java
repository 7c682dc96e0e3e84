/** JPA and JDBC for tiers, standings, members' tier state and tier history. */
package club.bloom.tiers.infrastructure;
