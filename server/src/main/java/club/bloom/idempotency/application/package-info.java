/** Running a use case at most once per idempotency key. */
package club.bloom.idempotency.application;
