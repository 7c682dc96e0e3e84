/** JPA for point accounts and postings. */
package club.bloom.ledger.infrastructure;
