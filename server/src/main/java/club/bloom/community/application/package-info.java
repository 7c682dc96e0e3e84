/**
 * Use cases of the Inner Circle: the owner invites, lists and revokes; the member lists, accepts
 * and declines. Transactional at this boundary; grants and revocations of the tier go through the
 * tiers context's application service.
 */
package club.bloom.community.application;
