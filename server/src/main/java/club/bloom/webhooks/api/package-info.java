/** The endpoints' API under {@code /clubs/{club}} and {@code /partners/{partner}}. */
package club.bloom.webhooks.api;
