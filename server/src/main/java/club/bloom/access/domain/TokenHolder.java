package club.bloom.access.domain;

import club.bloom.access.domain.TokenVerifier.VerifiedToken;
import java.util.Set;

/**
 * Who holds a verified access token, as far as rights go (ADR 0027):
 *
 * <ul>
 *   <li>{@link #SERVICE_ACCOUNT}: a machine. Only the platform realm has machine clients, and Bloom
 *       names them ({@code bloom.auth.service-account-clients}, by default the operator's {@code
 *       bloom-ops}); they are configured for the client-credentials grant only, so a token issued
 *       to one ({@code azp}) is always its service account's. A client of that name in a club realm
 *       is nobody's machine.
 *   <li>{@link #PERSON}: a login whose token says {@code "email_verified": true} and carries an
 *       address. Only such a login gets roles or a membership.
 *   <li>{@link #UNVERIFIED_PERSON}: any other login (a claim that is absent, false or not a boolean
 *       counts as unverified). It gets no roles and no membership: whoever made it has not proved
 *       control of the address it names.
 * </ul>
 */
public enum TokenHolder {
  SERVICE_ACCOUNT,
  PERSON,
  UNVERIFIED_PERSON;

  /**
   * @param platformRealm the token's issuer is the platform realm (not a club's)
   * @param serviceAccountClients the platform realm's machine clients
   */
  public static TokenHolder of(
      VerifiedToken token, boolean platformRealm, Set<String> serviceAccountClients) {
    if (platformRealm
        && token.authorizedParty() != null
        && serviceAccountClients.contains(token.authorizedParty())) {
      return SERVICE_ACCOUNT;
    }
    if (token.emailVerified() && token.email().filter(e -> !e.isBlank()).isPresent()) {
      return PERSON;
    }
    return UNVERIFIED_PERSON;
  }
}
