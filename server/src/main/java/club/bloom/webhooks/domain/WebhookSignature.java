package club.bloom.webhooks.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,} and the base64 of HMAC-SHA256, keyed with the
 * secret's decoded bytes, over {@code webhook-id + "." + webhook-timestamp + "." + body}. Several
 * signatures (the current secret and, during a rotation's grace period, the previous one) are
 * separated by spaces; a receiver accepts the message when any of them verifies.
 */
public final class WebhookSignature {
  private WebhookSignature() {}

  /** One {@code v1,…} signature. */
  public static String sign(WebhookSecret secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      byte[] signed =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** The {@code webhook-signature} header's value for all the secrets, in their order. */
  public static String header(List<WebhookSecret> secrets, String id, long timestamp, String body) {
    return secrets.stream().map(s -> sign(s, id, timestamp, body)).collect(Collectors.joining(" "));
  }
}
