package club.bloom.webhooks.infrastructure;

import club.bloom.webhooks.domain.EndpointAddressRules;
import club.bloom.webhooks.domain.WebhookTransport;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts with the JDK's {@link HttpClient}: redirects are not followed (a 3xx is a failure: the
 * receiver must give its final URL), the connection and the whole exchange are bounded (well within
 * the outbox's lease), the answer's body is discarded. Before each attempt the host's addresses are
 * resolved and every one must be allowed by the {@link EndpointAddressRules}; the client resolves
 * the name again when it connects, so a name re-pointed in that instant is not caught here — the
 * network's egress rules are the last line (operations.md).
 */
@ApplicationScoped
public class HttpWebhookTransport implements WebhookTransport {
  @Inject
  @ConfigProperty(name = "bloom.webhooks.allow-loopback", defaultValue = "false")
  boolean allowLoopback;

  @Inject
  @ConfigProperty(name = "bloom.webhooks.timeout-seconds", defaultValue = "15")
  long timeoutSeconds;

  private HttpClient client;
  private EndpointAddressRules rules;

  public HttpWebhookTransport() {}

  /** For tests. */
  public HttpWebhookTransport(boolean allowLoopback, long timeoutSeconds) {
    this.allowLoopback = allowLoopback;
    this.timeoutSeconds = timeoutSeconds;
    init();
  }

  @PostConstruct
  void init() {
    rules = new EndpointAddressRules(allowLoopback);
    client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(Math.min(10, timeoutSeconds)))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @Override
  public Response post(URI url, Map<String, String> headers, String body) {
    long start = System.nanoTime();
    try {
      for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
        if (!rules.mayConnectTo(address)) {
          return failure("the host resolves to a private address, refused", start);
        }
      }
    } catch (UnknownHostException e) {
      return failure("java.net.UnknownHostException", start);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(timeoutSeconds))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Bloom-Webhooks/1")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    try {
      HttpResponse<Void> response =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding());
      int code = response.statusCode();
      return new Response(
          Optional.of(code),
          code >= 200 && code < 300 ? Optional.empty() : Optional.of("HTTP " + code),
          elapsed(start));
    } catch (HttpTimeoutException e) {
      return failure(e.getClass().getName(), start);
    } catch (IOException | RuntimeException e) {
      return failure(e.getClass().getName(), start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure("interrupted", start);
    }
  }

  private static Response failure(String error, long start) {
    return new Response(Optional.empty(), Optional.of(error), elapsed(start));
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
