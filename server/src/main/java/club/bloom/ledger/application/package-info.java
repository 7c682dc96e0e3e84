/** Configuring a club's currencies and ledger policy; expiring points. */
package club.bloom.ledger.application;
