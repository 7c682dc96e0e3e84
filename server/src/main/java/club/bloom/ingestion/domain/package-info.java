/** Purchases (club side) and receipts (partner side). */
package club.bloom.ingestion.domain;
