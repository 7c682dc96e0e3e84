/** The idempotency store on PostgreSQL ({@code INSERT … ON CONFLICT DO NOTHING}). */
package club.bloom.idempotency.infrastructure;
