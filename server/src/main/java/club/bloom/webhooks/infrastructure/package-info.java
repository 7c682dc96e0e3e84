/** Endpoints and the delivery log in JDBC, the sealed secrets, the HTTP transport. */
package club.bloom.webhooks.infrastructure;
