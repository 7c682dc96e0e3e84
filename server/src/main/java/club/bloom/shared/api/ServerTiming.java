package club.bloom.shared.api;

import java.time.Duration;
import java.util.Locale;

/**
 * A metric of the W3C {@code Server-Timing} response header: how long a step of a long operator run
 * took, in milliseconds, with a short description.
 */
public final class ServerTiming {
  private ServerTiming() {}

  /** {@code name;dur=123.4;desc="what"}; the name is a token, the description plain text. */
  public static String metric(String name, Duration duration, String description) {
    return String.format(
        Locale.ROOT,
        "%s;dur=%.1f;desc=\"%s\"",
        name,
        duration.toNanos() / 1_000_000.0,
        description.replace("\\", "").replace("\"", ""));
  }
}
