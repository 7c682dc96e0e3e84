/** Invitations and their lifecycle, as plain Java with JPA mapping; no framework beyond that. */
package club.bloom.community.domain;
