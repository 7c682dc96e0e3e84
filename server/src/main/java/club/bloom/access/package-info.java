/**
 * Access: who is calling. API keys (issued, hashed, scoped) and JWTs of the trusted realms both
 * resolve to one {@link club.bloom.access.domain.Caller}, resolved once at the edge by the Jakarta
 * Security authentication mechanism; resources declare the roles/scopes they need with
 * {@code @RolesAllowed}.
 */
package club.bloom.access;
