/** {@code /clubs/{club}/invitations} (the club owner) and {@code /me/invitations} (the member). */
package club.bloom.community.api;
