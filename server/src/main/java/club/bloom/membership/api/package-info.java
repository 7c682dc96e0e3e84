/**
 * {@code /me} (the member cabinet, including the one-time code that confirms paying with points)
 * and {@code /clubs/{club}/members} (enrolment by staff).
 */
package club.bloom.membership.api;
