/** JPA for purchases (club schema) and receipts (partner schema). */
package club.bloom.ingestion.infrastructure;
