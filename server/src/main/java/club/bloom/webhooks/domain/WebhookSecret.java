package club.bloom.webhooks.domain;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An endpoint's signing secret as Standard Webhooks writes it: {@code whsec_} and the base64 of 32
 * random bytes. The receiver verifies with the base64-decoded bytes. Shown once, at creation or
 * rotation; stored only sealed. {@code toString} never shows it.
 */
public final class WebhookSecret {
  public static final String PREFIX = "whsec_";
  private static final int BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  private WebhookSecret(byte[] key) {
    this.key = key.clone();
  }

  public static WebhookSecret generate() {
    byte[] key = new byte[BYTES];
    RANDOM.nextBytes(key);
    return new WebhookSecret(key);
  }

  /** From its written form {@code whsec_…}. */
  public static WebhookSecret parse(String written) {
    Objects.requireNonNull(written, "written");
    if (!written.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
    }
    byte[] key = Base64.getDecoder().decode(written.substring(PREFIX.length()));
    if (key.length < 24 || key.length > 64) {
      throw new IllegalArgumentException("a webhook secret holds 24 to 64 bytes");
    }
    return new WebhookSecret(key);
  }

  public static WebhookSecret ofBytes(byte[] key) {
    return new WebhookSecret(key);
  }

  /** The bytes the HMAC is keyed with. */
  public byte[] key() {
    return key.clone();
  }

  /** {@code whsec_…}: for the one answer that shows it. */
  public String written() {
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WebhookSecret other && Arrays.equals(key, other.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "WebhookSecret[hidden]";
  }
}
