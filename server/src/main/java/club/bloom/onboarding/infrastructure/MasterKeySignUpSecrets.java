package club.bloom.onboarding.infrastructure;

import club.bloom.onboarding.domain.SignUpSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-up secrets under keys derived from the installation's master key ({@code
 * bloom.crypto.master-key}) by HMAC-SHA256 with a purpose label, so that no derived key serves two
 * purposes: AES-256-GCM for the sealed address, HMAC-SHA256 for the keyed hashes. Link tokens are
 * 32 random bytes; only their SHA-256 is stored.
 */
@ApplicationScoped
public class MasterKeySignUpSecrets implements SignUpSecrets {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] ASSOCIATED =
      "platform/signup/admin-email".getBytes(StandardCharsets.UTF_8);

  @Inject
  @ConfigProperty(name = "bloom.crypto.master-key")
  String masterKeyBase64;

  private SecretKey sealKey;
  private SecretKey emailKey;
  private SecretKey ipKey;
  private final SecureRandom random = new SecureRandom();

  @PostConstruct
  void init() {
    byte[] master = Base64.getDecoder().decode(masterKeyBase64);
    sealKey = new SecretKeySpec(derive(master, "signup/seal"), "AES");
    emailKey = new SecretKeySpec(derive(master, "signup/email-hash"), "HmacSHA256");
    ipKey = new SecretKeySpec(derive(master, "signup/ip-hash"), "HmacSHA256");
  }

  private static byte[] derive(byte[] master, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return mac.doFinal(("bloom/" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public byte[] sealEmail(String email) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(ASSOCIATED);
      byte[] sealed = cipher.doFinal(email.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not seal", e);
    }
  }

  @Override
  public String openEmail(byte[] sealed) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(ASSOCIATED);
      return new String(
          cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the sealed address failed authentication", e);
    }
  }

  @Override
  public byte[] emailHash(String normalizedEmail) {
    return hmac(emailKey, normalizedEmail);
  }

  @Override
  public byte[] ipHash(String ip) {
    return hmac(ipKey, ip);
  }

  private static byte[] hmac(SecretKey key, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String newToken() {
    byte[] token = new byte[32];
    random.nextBytes(token);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  @Override
  public byte[] tokenHash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
