/**
 * Recording purchases (the one path for API, CSV and terminal), purchases paid partly with points,
 * refunds, and partners' receipt lists.
 */
package club.bloom.ingestion.application;
