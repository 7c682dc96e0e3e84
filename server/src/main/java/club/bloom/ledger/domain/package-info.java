/** Point accounts and postings. */
package club.bloom.ledger.domain;
