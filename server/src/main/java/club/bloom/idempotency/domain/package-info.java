/** Idempotency keys and the store of results. */
package club.bloom.idempotency.domain;
