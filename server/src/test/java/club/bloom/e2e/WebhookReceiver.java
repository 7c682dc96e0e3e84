package club.bloom.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on this machine (the JDK's {@link HttpServer}), as an integrator would run it:
 * every request is recorded with its headers, body and the answer given. It can fail on purpose:
 * answer 503 for the first requests of a path, hang past Bloom's timeout, or be "down" (503) until
 * told otherwise. {@link #verify} checks a request's signature with the Standard Webhooks algorithm
 * written here from the specification, independently of Bloom's code.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One request as received, and what was answered. */
  record Received(
      String path,
      String id,
      String timestamp,
      String signature,
      String body,
      int answered,
      Instant at) {
    boolean accepted() {
      return answered >= 200 && answered < 300;
    }
  }

  private final HttpServer server;
  private final List<Received> received = new ArrayList<>();
  private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hangsLeft = new ConcurrentHashMap<>();
  private volatile boolean down;

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          int status = 204;
          AtomicInteger hangs = hangsLeft.get(path);
          if (hangs != null && hangs.getAndDecrement() > 0) {
            sleep(Duration.ofSeconds(6)); // past Bloom's 3 s timeout in test stacks
            status = 504;
          } else if (down) {
            status = 503;
          } else {
            AtomicInteger failures = failuresLeft.get(path);
            if (failures != null && failures.getAndDecrement() > 0) {
              status = 503;
            }
          }
          synchronized (received) {
            received.add(
                new Received(
                    path,
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    body,
                    status,
                    Instant.now()));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void failFirst(String path, int times) {
    failuresLeft.put(path, new AtomicInteger(times));
  }

  void hangFirst(String path, int times) {
    hangsLeft.put(path, new AtomicInteger(times));
  }

  void down(boolean down) {
    this.down = down;
  }

  List<Received> all() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  List<Received> of(String path) {
    return all().stream().filter(r -> r.path().equals(path)).toList();
  }

  /** The accepted requests of the path, in the order they were answered. */
  List<Received> accepted(String path) {
    return of(path).stream().filter(Received::accepted).toList();
  }

  /** Waits until {@code done} holds for the requests of the path. */
  List<Received> await(String path, Predicate<List<Received>> done, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      List<Received> now = of(path);
      if (done.test(now)) {
        return now;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "the receiver at " + path + " did not get what was awaited: " + of(path));
  }

  /**
   * The Standard Webhooks verification: the secret's bytes are the base64 after {@code whsec_}; the
   * signed content is {@code id.timestamp.body}; any {@code v1,} signature of the header that
   * equals the HMAC-SHA256 (compared in constant time) verifies; the timestamp must be within 5
   * minutes of now.
   */
  static boolean verify(Received r, String secret) {
    try {
      long ts = Long.parseLong(r.timestamp());
      if (Math.abs(Instant.now().getEpochSecond() - ts) > 300) {
        return false;
      }
      byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] expected =
          mac.doFinal(
              (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
      for (String part : r.signature().split(" ")) {
        if (part.startsWith("v1,")
            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(part.substring(3)))) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
