package club.bloom.membership.domain;

import java.time.Instant;

/** RFC 6238 codes as the passport's TOTP uses them: six digits, 30-second steps, HMAC-SHA1. */
public interface TotpCodes {
  /** A new random key (160 bits). */
  byte[] newSecret();

  /** The time step of an instant. */
  long step(Instant at);

  /** Whether the candidate is the key's code for the step (compared in constant time). */
  boolean matches(byte[] secret, long step, String candidate);

  /** The key as authenticator apps take it (Base32, no padding). */
  String base32(byte[] secret);

  /** The {@code otpauth://totp/…} URI an authenticator app or wallet imports (e.g. from a QR). */
  String uri(String issuer, String account, byte[] secret);
}
