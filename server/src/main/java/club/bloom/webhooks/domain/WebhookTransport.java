package club.bloom.webhooks.domain;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Posts one signed message. It connects only to addresses the {@link EndpointAddressRules} allow
 * (the host is resolved and checked before the attempt), follows no redirect, and answers rather
 * than throws.
 */
public interface WebhookTransport {
  Response post(URI url, Map<String, String> headers, String body);

  /**
   * What came back: the status code (empty when no answer came), or why not (an exception class,
   * never the receiver's text), and how long the attempt took.
   */
  record Response(Optional<Integer> statusCode, Optional<String> error, Duration duration) {
    public boolean accepted() {
      return statusCode.map(c -> c >= 200 && c < 300).orElse(false);
    }
  }
}
