package club.bloom.onboarding.domain;

/**
 * The secrets of sign-ups: the admin's address sealed while provisioning needs it, keyed hashes
 * that recognise an address or a client without keeping them, and the link's token (only its hash
 * is stored).
 */
public interface SignUpSecrets {
  byte[] sealEmail(String email);

  String openEmail(byte[] sealed);

  /** Keyed hash of a normalised address: repeats and rate limits. */
  byte[] emailHash(String normalizedEmail);

  /** Keyed hash of a client address: rate limits. */
  byte[] ipHash(String ip);

  /** A new random token for a verification link (URL-safe). */
  String newToken();

  /** The stored form of a token. */
  byte[] tokenHash(String token);
}
