/**
 * The benchmark of the nightly runs (issue #3): a main program, not a test, run by the {@code
 * benchmark} Maven profile against a local stack. It prints figures and asserts nothing about time.
 */
package club.bloom.bench;
