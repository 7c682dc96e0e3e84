/** {@code /purchases}: partners report purchases and list their own receipts. */
package club.bloom.ingestion.api;
