/**
 * Idempotency of value-moving requests: per tenant and key, the first request's result is stored in
 * the same transaction as its effects; a retry with the same body gets that result, with another
 * body a 422; a concurrent duplicate waits for the first and then replays it.
 */
package club.bloom.idempotency;
