/**
 * End-to-end tests against the running stack (PostgreSQL, Keycloak, Liberty started by DevStack in
 * pre-integration-test), through the client generated from the OpenAPI contract. Every test builds
 * its own tenants with {@link club.bloom.e2e.Fixtures}: no test depends on another's data.
 */
package club.bloom.e2e;
