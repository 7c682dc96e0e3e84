/**
 * The schedule of a club's nights ({@link club.bloom.nightly.domain.NightlySchedule}), the decision
 * whether a run is due now ({@link club.bloom.nightly.domain.NightPlan}: on time, caught up,
 * retried after a back-off, or not yet), the run records and the port to their store. Plain Java.
 */
package club.bloom.nightly.domain;
