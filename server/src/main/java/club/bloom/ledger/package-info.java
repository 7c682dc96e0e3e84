/**
 * Ledger: members' points as a double-entry, append-only journal. Every movement (accrual,
 * reversal, redemption, expiry) is a {@link club.bloom.ledger.domain.LedgerEntry} whose postings
 * sum to zero per currency; points live in lots that activate after a delay, expire per grant or by
 * inactivity, and are spent oldest-expiring first. A member's balance is derived from the lots and
 * always reconciles with the member-account postings; it can never go negative — what a refund
 * cannot take back becomes an explicit debt or write-off, by the club's policy.
 */
package club.bloom.ledger;
