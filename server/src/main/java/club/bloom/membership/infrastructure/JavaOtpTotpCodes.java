package club.bloom.membership.infrastructure;

import club.bloom.membership.domain.TotpCodes;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** TOTP with java-otp (RFC 6238) and Base32 from Commons Codec. */
@ApplicationScoped
public class JavaOtpTotpCodes implements TotpCodes {
  private static final Duration STEP = Duration.ofSeconds(30);
  private static final int DIGITS = 6;
  private static final String ALGORITHM =
      TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1;

  private final TimeBasedOneTimePasswordGenerator generator =
      new TimeBasedOneTimePasswordGenerator(STEP, DIGITS, ALGORITHM);
  private final SecureRandom random = new SecureRandom();

  @Override
  public byte[] newSecret() {
    byte[] secret = new byte[20];
    random.nextBytes(secret);
    return secret;
  }

  @Override
  public long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
  }

  @Override
  public boolean matches(byte[] secret, long step, String candidate) {
    if (candidate == null || candidate.length() != DIGITS) {
      return false;
    }
    try {
      String expected =
          String.format(
              Locale.ROOT,
              "%06d",
              generator.generateOneTimePassword(
                  new SecretKeySpec(secret, ALGORITHM),
                  Instant.ofEpochSecond(step * STEP.getSeconds())));
      return MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.US_ASCII),
          candidate.getBytes(StandardCharsets.US_ASCII));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("a TOTP key was refused", e);
    }
  }

  @Override
  public String base32(byte[] secret) {
    return new Base32().encodeToString(secret).replace("=", "");
  }

  @Override
  public String uri(String issuer, String account, byte[] secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32(secret)
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP.getSeconds();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
