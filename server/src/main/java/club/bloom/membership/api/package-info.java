/**
 * {@code /clubs/{club}/members} (enrolment by staff), consents, counter registrations, merges and
 * the PD-access policy. (The cabinet under {@code /me} and the member card are the cabinet
 * context's.)
 */
package club.bloom.membership.api;
