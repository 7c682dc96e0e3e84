/**
 * {@code /purchases}, {@code /refunds}, {@code /redemptions}: partners report purchases (paid
 * partly with points, confirmed by the member's code, through {@code /redemptions}), refund them
 * and list their own receipts.
 */
package club.bloom.ingestion.api;
