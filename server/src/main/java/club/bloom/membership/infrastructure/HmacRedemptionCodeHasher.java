package club.bloom.membership.infrastructure;

import club.bloom.membership.domain.RedemptionCodeHasher;
import club.bloom.tenancy.domain.SchemaName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Redemption codes hashed like the PD vault's blind indexes: HMAC-SHA256 under a key derived from
 * the club's data key for this one purpose ({@code bloom-redemption-code}). No secret of its own to
 * configure: the key is as strong, and as well kept, as the club's data key (wrapped by the
 * installation's master key). The member id is hashed with the code, so one member's hash says
 * nothing about another's.
 */
@ApplicationScoped
public class HmacRedemptionCodeHasher implements RedemptionCodeHasher {
  private static final String PURPOSE = "bloom-redemption-code";

  @Inject DataKeys dataKeys;

  @Override
  public byte[] hash(SchemaName club, UUID memberId, String code) {
    return hash(dataKeys.of(club), memberId, code);
  }

  static byte[] hash(SecretKey dataKey, UUID memberId, String code) {
    try {
      Mac derive = Mac.getInstance("HmacSHA256");
      derive.init(dataKey);
      SecretKey codeKey =
          new SecretKeySpec(derive.doFinal(PURPOSE.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(codeKey);
      return mac.doFinal((memberId + ":" + code).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
