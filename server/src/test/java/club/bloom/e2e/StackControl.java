package club.bloom.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The faults the local stack's supervisor causes on request when started with {@code
 * --test-dropins} (see {@code DevStack}): SMTP stopped and started again, Liberty killed with
 * SIGKILL and started again (at once, or after a downtime). Requests are files in {@code
 * target/devstack/control/}.
 */
final class StackControl {
  private static final Path CONTROL =
      Path.of(System.getProperty("bloom.build.dir", "target"), "devstack", "control")
          .toAbsolutePath();
  private static final int SMTP_PORT = Integer.getInteger("bloom.smtp.port", 3025);

  private StackControl() {}

  /** Stops the SMTP server (connections are refused); returns once they are. */
  static void smtpDown() {
    touch("smtp-down");
    await("SMTP refusing connections", () -> !smtpAccepts(), Duration.ofSeconds(20));
  }

  /** Starts the SMTP server again; returns once it accepts connections. */
  static void smtpUp() {
    try {
      Files.deleteIfExists(CONTROL.resolve("smtp-down"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    await("SMTP accepting connections", StackControl::smtpAccepts, Duration.ofSeconds(20));
  }

  /** Kills Liberty with SIGKILL; returns once a new Liberty is ready. */
  static void killLibertyAndAwaitRestart() {
    Path request = touch("kill-liberty");
    await("Liberty killed and started again", () -> !Files.exists(request), Duration.ofMinutes(6));
    awaitLibertyReady(Duration.ofMinutes(2));
  }

  /**
   * Kills Liberty with SIGKILL and keeps it down (downtime) until {@link #startLiberty}; returns
   * once Bloom no longer answers.
   */
  static void killLibertyAndKeepItDown() {
    touch("liberty-down");
    await("Liberty down", () -> !libertyAnswers(), Duration.ofSeconds(60));
  }

  /** Ends the downtime: Liberty starts again; returns once it is ready. */
  static void startLiberty() {
    try {
      Files.deleteIfExists(CONTROL.resolve("liberty-down"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitLibertyReady(Duration.ofMinutes(6));
  }

  private static boolean libertyAnswers() {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress("127.0.0.1", URI.create(Fixtures.STACK.bloomUrl()).getPort()),
          1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void awaitLibertyReady(Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    await(
        "Liberty ready",
        () -> {
          try {
            return http.send(
                        HttpRequest.newBuilder(
                                URI.create(Fixtures.STACK.bloomUrl() + "/health/ready"))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                == 200;
          } catch (IOException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        },
        timeout);
  }

  private static Path touch(String name) {
    if (!Files.isDirectory(CONTROL)) {
      throw new AssertionError(
          CONTROL + " does not exist: the stack must be started with --test-dropins");
    }
    try {
      Path file = CONTROL.resolve(name);
      Files.writeString(file, Instant.now().toString());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean smtpAccepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", SMTP_PORT), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  interface Condition {
    boolean holds();
  }

  static void await(String what, Condition condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.holds()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
