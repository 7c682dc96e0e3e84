/**
 * Earning rules: the club's rules for points beyond the tier's base accrual, written as CEL
 * conditions over the facts of a purchase, with effects (accrual percent, multiplier of the base,
 * fixed points, in any of the club's currencies), explicit stacking (priority, exclusive rules, a
 * cap on the accrual percent per receipt) and a dry-run simulation.
 *
 * <p>Rules do not post anything: they answer which grants a purchase earns; the ledger posts them.
 */
package club.bloom.rules;
