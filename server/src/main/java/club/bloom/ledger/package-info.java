/**
 * Ledger: members' points. Every movement is an append-only posting with its reason and source; the
 * account balance is their sum and can never go negative (a database check backs the rule). The
 * full double-entry ledger with currencies, pending and expiry is issue #3.
 */
package club.bloom.ledger;
