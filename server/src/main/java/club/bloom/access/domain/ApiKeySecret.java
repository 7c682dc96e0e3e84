package club.bloom.access.domain;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The secret of an API key: {@code bk_<mode>_<32 base62 chars><6 base62 checksum chars>}. The
 * checksum (CRC-32 of the rest) lets a typo or a truncated key be rejected without a database
 * look-up, and lets secret scanners recognise Bloom keys. The prefix {@code bk_<mode>_<first 6>} is
 * public.
 */
public record ApiKeySecret(String value) {
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final Pattern FORMAT =
      Pattern.compile("^bk_(live|test)_([0-9A-Za-z]{32})([0-9A-Za-z]{6})$");
  private static final SecureRandom RANDOM = new SecureRandom();

  public ApiKeySecret {
    if (!wellFormed(value)) {
      throw new IllegalArgumentException("not a well-formed Bloom API key");
    }
  }

  /** A new random key. */
  public static ApiKeySecret generate(ApiKeyMode mode) {
    StringBuilder body = new StringBuilder(32);
    for (int i = 0; i < 32; i++) {
      body.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    String head = "bk_" + mode.token() + "_" + body;
    return new ApiKeySecret(head + checksum(head));
  }

  /** The key if the text is well formed and its checksum matches. */
  public static Optional<ApiKeySecret> parse(String text) {
    return wellFormed(text) ? Optional.of(new ApiKeySecret(text)) : Optional.empty();
  }

  private static boolean wellFormed(String text) {
    if (text == null) {
      return false;
    }
    Matcher m = FORMAT.matcher(text);
    return m.matches() && checksum("bk_" + m.group(1) + "_" + m.group(2)).equals(m.group(3));
  }

  public ApiKeyMode mode() {
    return value.startsWith("bk_live_") ? ApiKeyMode.LIVE : ApiKeyMode.TEST;
  }

  public String prefix() {
    int start = value.indexOf('_', 3) + 1;
    return value.substring(0, start + 6);
  }

  static String checksum(String head) {
    CRC32 crc = new CRC32();
    crc.update(head.getBytes(StandardCharsets.US_ASCII));
    long v = crc.getValue();
    char[] out = new char[6];
    for (int i = 5; i >= 0; i--) {
      out[i] = ALPHABET.charAt((int) (v % 62));
      v /= 62;
    }
    return new String(out);
  }

  @Override
  public String toString() {
    return prefix() + "…";
  }
}
