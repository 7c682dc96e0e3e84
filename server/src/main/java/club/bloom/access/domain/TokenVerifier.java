package club.bloom.access.domain;

import java.util.Optional;
import java.util.Set;

/**
 * Verifies bearer JWTs. {@link #issuerOf} reads the unverified issuer only to find it on the
 * allow-list; keys are fetched for allowed issuers only.
 */
public interface TokenVerifier {
  String issuerOf(String token);

  VerifiedToken verify(String token, String issuer, String realm);

  /**
   * The claims Bloom uses from a verified token. {@code organizations} are the aliases of the
   * Keycloak organizations the user is a member of (the {@code organization} claim, present when
   * the token was issued with the {@code organization} scope). {@code authorizedParty} is the
   * client the token was issued to ({@code azp}); {@code emailVerified} is true only when the token
   * says {@code "email_verified": true}; the address and names are the login's as Keycloak holds
   * them.
   */
  record VerifiedToken(
      String issuer,
      String subject,
      Set<String> realmRoles,
      Set<String> organizations,
      String authorizedParty,
      boolean emailVerified,
      Optional<String> email,
      Optional<String> givenName,
      Optional<String> familyName) {}
}
