/**
 * MicroProfile Health checks: readiness waits for the platform bootstrap and the database; the
 * outbox's figures (pending, failed) are a liveness detail that never turns DOWN.
 */
package club.bloom.health;
