/**
 * Tenancy kernel: which clubs and partners exist, which schema and realm each one owns, and how a
 * transaction is routed to exactly the schemas its verified credential allows.
 *
 * <p>Layers: {@code domain} (tenant vocabulary, no frameworks), {@code application} (provisioning
 * use cases), {@code infrastructure} (JPA, Liquibase, Keycloak admin REST). Other contexts use the
 * domain and application types, never the infrastructure.
 */
package club.bloom.tenancy;
