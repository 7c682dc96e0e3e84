package club.bloom.access.infrastructure;

import club.bloom.access.domain.StaffInvitationSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Staff invitation secrets: tokens of 32 random bytes (only their SHA-256 stored), and the invited
 * address's HMAC-SHA256 under a key derived from the installation's master key ({@code
 * bloom.crypto.master-key}) for this one purpose, so no key serves two purposes.
 */
@ApplicationScoped
public class MasterKeyStaffInvitationSecrets implements StaffInvitationSecrets {
  @Inject
  @ConfigProperty(name = "bloom.crypto.master-key")
  String masterKeyBase64;

  private SecretKey emailKey;
  private final SecureRandom random = new SecureRandom();

  @PostConstruct
  void init() {
    byte[] master = Base64.getDecoder().decode(masterKeyBase64);
    emailKey = new SecretKeySpec(hmac(master, "bloom/staff-invitation/email-hash"), "HmacSHA256");
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

  @Override
  public byte[] emailHash(String normalizedEmail) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(emailKey);
      return mac.doFinal(normalizedEmail.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String label) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
