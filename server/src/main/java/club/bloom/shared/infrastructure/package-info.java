/** Producers of platform services (clock). */
package club.bloom.shared.infrastructure;
