/** RFC 9457 problem responses for every error, and small helpers for contract validation. */
package club.bloom.shared.api;
