/** Invitations in the club schema (JPA through the tenancy kernel's schema routing). */
package club.bloom.community.infrastructure;
