/** {@code /me} (the member cabinet) and {@code /clubs/{club}/members} (enrolment by staff). */
package club.bloom.membership.api;
