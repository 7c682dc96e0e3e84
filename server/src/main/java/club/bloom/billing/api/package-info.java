/**
 * {@code /plans}, the club admin's {@code /clubs/{club}/subscription} and usage statements, the
 * operator's {@code /platform/tenants}, and the rate-limit filter with its response headers.
 */
package club.bloom.billing.api;
