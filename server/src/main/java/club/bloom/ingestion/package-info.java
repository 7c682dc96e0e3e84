/**
 * Ingestion: purchases reported by partners (API today; CSV and terminal later call the same {@link
 * club.bloom.ingestion.application.PurchaseRecording}). The receipt goes to the partner's schema
 * and the member-facing fact to the club's schema in one transaction.
 */
package club.bloom.ingestion;
