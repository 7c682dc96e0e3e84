package club.bloom.access.infrastructure;

import club.bloom.access.domain.ApiKeySecret;
import club.bloom.access.domain.SecretHasher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HMAC-SHA256 of the key secret under the pepper from configuration ({@code
 * bloom.api-keys.pepper}).
 */
@ApplicationScoped
public class HmacSecretHasher implements SecretHasher {
  @Inject
  @ConfigProperty(name = "bloom.api-keys.pepper")
  String pepperBase64;

  private SecretKeySpec pepper;

  @PostConstruct
  void init() {
    byte[] raw = Base64.getDecoder().decode(pepperBase64);
    if (raw.length < 32) {
      throw new IllegalStateException("bloom.api-keys.pepper must be at least 32 bytes (base64)");
    }
    pepper = new SecretKeySpec(raw, "HmacSHA256");
  }

  @Override
  public byte[] hash(ApiKeySecret secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(pepper);
      return mac.doFinal(secret.value().getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
