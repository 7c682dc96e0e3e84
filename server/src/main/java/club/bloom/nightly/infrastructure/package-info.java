/**
 * {@code platform.nightly_run} and the advisory lock, in plain JDBC on the non-transactional pool:
 * a run's lock is held by one connection for the whole run, across the job's own transactions.
 */
package club.bloom.nightly.infrastructure;
