package club.bloom.access.domain;

import java.util.Set;

/**
 * Verifies bearer JWTs. {@link #issuerOf} reads the unverified issuer only to find it on the
 * allow-list; keys are fetched for allowed issuers only.
 */
public interface TokenVerifier {
  String issuerOf(String token);

  VerifiedToken verify(String token, String issuer, String realm);

  /** The claims Bloom uses from a verified token. */
  record VerifiedToken(String issuer, String subject, Set<String> realmRoles) {}
}
