/**
 * Community: what members share beyond points — for now the Inner Circle, an invitation-only tier
 * the club owner invites members to. Invitations are made by member id, e-mail or phone (found
 * through the membership context's blind indexes, never stored), accepted or declined by the member
 * in the cabinet, expire, and can be revoked; the tier itself is granted and taken back through the
 * tiers context. Events, bookings and leaderboards will live here too.
 */
package club.bloom.community;
