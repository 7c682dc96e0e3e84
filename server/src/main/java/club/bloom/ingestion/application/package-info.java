/** Recording purchases (the one path for API, CSV and terminal) and partners' receipt lists. */
package club.bloom.ingestion.application;
