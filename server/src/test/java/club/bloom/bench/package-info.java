/**
 * Benchmarks: the nightly runs (issue #3, {@link club.bloom.bench.NightlyBenchmark}) and
 * provisioning of many clubs and partners (issue #4, {@link
 * club.bloom.bench.ProvisioningBenchmark}). Main programs, not tests, run by the {@code benchmark}
 * Maven profile against a local stack. They print figures and assert nothing about time.
 */
package club.bloom.bench;
