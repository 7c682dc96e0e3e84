/**
 * JPA repositories of the platform schema, per-schema entity managers, Liquibase migrations and the
 * Keycloak admin REST client.
 */
package club.bloom.tenancy.infrastructure;
