package club.bloom.onboarding.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A club's invitation code for a partner: 16 characters of Crockford's base32 (80 random bits),
 * written in groups of four ({@code 7K3M-9QXA-2B4C-D5EF}) so it can be read out or typed. Only its
 * SHA-256 is stored: with 80 random bits a plain hash cannot be reversed by trying codes.
 * Normalising forgives case, spaces, hyphens and the letters people confuse with digits (O, I, L).
 */
public record InvitationCode(String value) {
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  public InvitationCode {
    if (value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      throw new IllegalArgumentException("not a normalised invitation code");
    }
  }

  public static InvitationCode random() {
    StringBuilder s = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return new InvitationCode(s.toString());
  }

  /** The code as typed by someone, or empty when it cannot be a code. */
  public static Optional<InvitationCode> parse(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String s =
        typed
            .toUpperCase(Locale.ROOT)
            .replace("-", "")
            .replace(" ", "")
            .replace('O', '0')
            .replace('I', '1')
            .replace('L', '1');
    if (s.length() != LENGTH || !s.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      return Optional.empty();
    }
    return Optional.of(new InvitationCode(s));
  }

  /** Grouped by four, as shown to people. */
  public String display() {
    return String.join(
        "-",
        value.substring(0, 4),
        value.substring(4, 8),
        value.substring(8, 12),
        value.substring(12, 16));
  }

  /** The last four characters: enough to tell a club's invitations apart, useless to redeem. */
  public String hint() {
    return value.substring(LENGTH - 4);
  }

  /** The stored form. */
  public byte[] hash() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "InvitationCode[…" + hint() + "]";
  }
}
