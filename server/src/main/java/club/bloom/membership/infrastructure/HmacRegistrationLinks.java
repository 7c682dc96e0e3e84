package club.bloom.membership.infrastructure;

import club.bloom.membership.domain.RegistrationLinks;
import club.bloom.tenancy.domain.SchemaName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Link tokens as HMAC-SHA256 of the registration id under a key derived from the club's data key
 * for this one purpose ({@code bloom-counter-link}): 256 bits no one can guess without the club's
 * key, the same for a retried registration, never stored. The database keeps their SHA-256.
 */
@ApplicationScoped
public class HmacRegistrationLinks implements RegistrationLinks {
  private static final String PURPOSE = "bloom-counter-link";

  @Inject DataKeys dataKeys;

  @Override
  public String token(SchemaName club, UUID registrationId) {
    return token(dataKeys.of(club), registrationId);
  }

  static String token(SecretKey dataKey, UUID registrationId) {
    try {
      Mac derive = Mac.getInstance("HmacSHA256");
      derive.init(dataKey);
      SecretKey linkKey =
          new SecretKeySpec(derive.doFinal(PURPOSE.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(linkKey);
      byte[] token = mac.doFinal(registrationId.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
