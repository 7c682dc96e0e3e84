/**
 * Access infrastructure: the Jakarta Security authentication mechanism (bearer API keys and JWTs),
 * JWT verification with per-issuer key sets (nimbus-jose-jwt), HMAC hashing of key secrets, JPA.
 */
package club.bloom.access.infrastructure;
