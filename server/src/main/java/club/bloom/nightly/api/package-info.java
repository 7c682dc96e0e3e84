/** The operator's read-only list of nightly runs ({@code GET /platform/nightly-runs}). */
package club.bloom.nightly.api;
