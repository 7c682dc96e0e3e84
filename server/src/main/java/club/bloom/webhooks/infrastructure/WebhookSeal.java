package club.bloom.webhooks.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals what an endpoint row holds that must not be readable in the database: the signing secrets
 * (Bloom needs them back to sign, so they are encrypted, not hashed) and the notice address (staff
 * PD). AES-256-GCM under a key derived from the master key ({@code HMAC-SHA256(master,
 * "bloom/webhooks/seal")}), the associated data {@code platform/webhook_endpoint/<id>/<field>}
 * binds each value to its row and column. Format: version byte 1, 96-bit nonce, ciphertext and tag.
 */
@ApplicationScoped
public class WebhookSeal {
  private static final byte VERSION = 1;
  private static final int NONCE = 12;

  @Inject
  @ConfigProperty(name = "bloom.crypto.master-key")
  String masterKeyBase64;

  private SecretKey key;
  private final SecureRandom random = new SecureRandom();

  public WebhookSeal() {}

  /** For tests. */
  public WebhookSeal(String masterKeyBase64) {
    this.masterKeyBase64 = masterKeyBase64;
    init();
  }

  @PostConstruct
  void init() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(masterKeyBase64), "HmacSHA256"));
      key =
          new SecretKeySpec(
              mac.doFinal("bloom/webhooks/seal".getBytes(StandardCharsets.UTF_8)), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public byte[] seal(UUID endpoint, String field, byte[] plain) {
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(aad(endpoint, field));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(1 + NONCE + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not seal", e);
    }
  }

  public byte[] open(UUID endpoint, String field, byte[] sealed) {
    if (sealed == null || sealed.length < 1 + NONCE || sealed[0] != VERSION) {
      throw new IllegalStateException("not a sealed value of version " + VERSION);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 1, NONCE));
      cipher.updateAAD(aad(endpoint, field));
      return cipher.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a sealed endpoint value failed authentication", e);
    }
  }

  private static byte[] aad(UUID endpoint, String field) {
    return ("platform/webhook_endpoint/" + endpoint + "/" + field).getBytes(StandardCharsets.UTF_8);
  }
}
