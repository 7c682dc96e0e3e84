package club.bloom.shared.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How large a request body may be, per route (ADR 0030). JSON bodies of the API are small (a rule
 * set of 50 rules is ~30 KB), so the default is 256 KiB; routes that take files (the CSV import to
 * come) get their own limit from configuration: {@code bloom.http.max-body-size=256KiB} and {@code
 * bloom.http.max-body-size.routes=POST /partners/*&#47;imports=64MiB,…} (a {@code *} is one path
 * segment; paths are relative to {@code /api/v1}).
 */
public final class BodyLimits {
  public static final long DEFAULT = 256 * 1024;
  private static final Pattern SIZE =
      Pattern.compile("^\\s*([0-9]+)\\s*(B|KB|KIB|MB|MIB|GB|GIB)?\\s*$", Pattern.CASE_INSENSITIVE);

  private record Route(String method, Pattern path, long limit) {}

  private final long defaultLimit;
  private final List<Route> routes;

  private BodyLimits(long defaultLimit, List<Route> routes) {
    this.defaultLimit = defaultLimit;
    this.routes = List.copyOf(routes);
  }

  /** From the two configuration values; a malformed entry stops the start (fail fast). */
  public static BodyLimits of(String defaultSize, String routeSizes) {
    List<Route> routes = new ArrayList<>();
    if (routeSizes != null && !routeSizes.isBlank()) {
      for (String entry : routeSizes.split(",")) {
        int eq = entry.lastIndexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException("route body limit without '=': " + entry.strip());
        }
        String route = entry.substring(0, eq).strip();
        String method = "*";
        int space = route.indexOf(' ');
        if (space > 0) {
          method = route.substring(0, space).toUpperCase(Locale.ROOT);
          route = route.substring(space + 1).strip();
        }
        StringBuilder regex = new StringBuilder("^");
        for (String segment : route.split("/")) {
          if (segment.isEmpty()) {
            continue;
          }
          regex.append('/').append("*".equals(segment) ? "[^/]+" : Pattern.quote(segment));
        }
        regex.append("/?$");
        routes.add(
            new Route(method, Pattern.compile(regex.toString()), size(entry.substring(eq + 1))));
      }
    }
    return new BodyLimits(
        defaultSize == null || defaultSize.isBlank() ? DEFAULT : size(defaultSize), routes);
  }

  /** The limit of a request to {@code path} (below {@code /api/v1}). */
  public long limitFor(String method, String path) {
    for (Route r : routes) {
      if ((r.method().equals("*") || r.method().equalsIgnoreCase(method))
          && r.path().matcher(path).matches()) {
        return r.limit();
      }
    }
    return defaultLimit;
  }

  /** "256KiB" → 262144. */
  static long size(String text) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size such as 256KiB or 64MiB: " + text.strip());
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    return switch (unit) {
      case "KB", "KIB" -> n * 1024;
      case "MB", "MIB" -> n * 1024 * 1024;
      case "GB", "GIB" -> n * 1024 * 1024 * 1024;
      default -> n;
    };
  }

  /**
   * Reads a whole body. The stream given by the servlet filter stops at the route's limit with
   * {@link TooLarge}; this adds a hard ceiling for streams that came another way.
   */
  static byte[] readAll(InputStream in) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
      if (out.size() > 64L * 1024 * 1024) {
        throw new TooLarge(64L * 1024 * 1024);
      }
    }
    return out.toByteArray();
  }

  /** A body that went past its limit while being read (a chunked body has no length up front). */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    public TooLarge(long limit) {
      super("request body larger than " + limit + " bytes");
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }
}
