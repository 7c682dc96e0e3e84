package club.bloom.access.domain;

/**
 * Secrets of pending staff invitations: a random single-use token for the mailed link (only its
 * SHA-256 is stored), and a keyed hash of the invited address (so the platform schema holds no
 * address, yet the accepting login's address can be compared with it).
 */
public interface StaffInvitationSecrets {
  /** 32 random bytes, base64url without padding (43 characters). */
  String newToken();

  byte[] tokenHash(String token);

  /** The keyed hash of a normalised (lower-case) address. */
  byte[] emailHash(String normalizedEmail);
}
