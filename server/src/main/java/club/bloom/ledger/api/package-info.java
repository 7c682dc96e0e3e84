/** {@code /clubs/{club}/currencies} and {@code /clubs/{club}/ledger-policy}. */
package club.bloom.ledger.api;
