/**
 * The scheduler ({@link club.bloom.nightly.application.NightlyScheduler}, on a managed scheduled
 * executor with {@link club.bloom.nightly.application.NightlyTrigger}), the runner that runs one
 * job for one club under the lock and records it ({@link
 * club.bloom.nightly.application.NightlyRunner}), and the port the jobs implement ({@link
 * club.bloom.nightly.application.NightlyJob}).
 */
package club.bloom.nightly.application;
