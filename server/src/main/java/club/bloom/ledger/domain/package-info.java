/** Currencies, lots, journal entries and postings, and the member's points aggregate. */
package club.bloom.ledger.domain;
