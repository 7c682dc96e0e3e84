package club.bloom.shared.api;

import club.bloom.shared.domain.FieldProblem;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first code every request meets (ADR 0030, 0031):
 *
 * <ul>
 *   <li>security headers on every answer: the portal's Content-Security-Policy (it holds OIDC
 *       tokens, so no inline script, no foreign script or frame; it talks to the API and to
 *       Keycloak), {@code X-Content-Type-Options}, {@code X-Frame-Options}/{@code frame-ancestors},
 *       {@code Referrer-Policy}, and HSTS when the request came over TLS (also behind a load
 *       balancer that says {@code X-Forwarded-Proto: https});
 *   <li>under {@code /api/v1}: {@code Cache-Control: no-store} unless an operation says otherwise
 *       (answers carry keys, cards, personal data); paths with encoded slashes or backslashes, dot
 *       segments or control characters refused with 400 problem+json before anything routes them;
 *       bodies larger than their route's limit refused with 413 — from {@code Content-Length}
 *       before a byte is read, and for a chunked body as soon as the count passes the limit.
 * </ul>
 */
@WebFilter(filterName = "bloom-http-edge", urlPatterns = "/*", asyncSupported = true)
public class HttpEdge extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final String API = "/api/v1";
  private static final Pattern ODD_PATH =
      Pattern.compile("(?i)%2f|%5c|\\\\|%00|%0[0-9a-f]|%1[0-9a-f]|%7f|(^|/)(\\.|%2e){1,2}(/|$)|;");

  /** GET operations whose answers are the same for everyone and may be cached briefly. */
  private static final List<Pattern> PUBLIC_CACHEABLE =
      List.of(
          Pattern.compile("^/plans$"),
          Pattern.compile("^/signups/terms$"),
          Pattern.compile("^/public/platform$"),
          Pattern.compile("^/public/clubs/[^/]+(/consents)?$"));

  @Inject
  @ConfigProperty(name = "bloom.http.max-body-size", defaultValue = "256KiB")
  String maxBodySize;

  @Inject
  @ConfigProperty(name = "bloom.http.max-body-size.routes")
  Optional<String> routeBodySizes;

  @Inject
  @ConfigProperty(name = "bloom.keycloak.public-url", defaultValue = "http://localhost:8180")
  String keycloakPublicUrl;

  @Inject
  @ConfigProperty(name = "bloom.http.csp.extra-origins")
  Optional<String> extraOrigins;

  private transient BodyLimits limits;
  private transient String portalPolicy;

  @Override
  public void init() throws ServletException {
    limits = BodyLimits.of(maxBodySize, routeBodySizes.orElse(null));
    portalPolicy = portalPolicy(keycloakPublicUrl, extraOrigins.orElse(""));
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String uri = request.getRequestURI();
    boolean api = uri.equals(API) || uri.startsWith(API + "/");
    securityHeaders(request, response, api, portalPolicy);
    if (!api) {
      String caching = portalCaching(uri);
      if (caching != null) {
        response.setHeader("Cache-Control", caching);
      }
      chain.doFilter(request, response);
      return;
    }
    String rest = uri.substring(API.length());
    if (ODD_PATH.matcher(rest).find() || !isValidUtf8Path(rest)) {
      problem(
          response,
          400,
          "invalid-path",
          "The request path is invalid",
          "The path holds an encoded slash or backslash, a dot segment, a control character or"
              + " bytes that are not UTF-8; send each path parameter as it is, percent-encoding"
              + " only what URLs require.",
          List.of(new FieldProblem("path", "is not a valid path of this API")));
      return;
    }
    boolean cacheable =
        "GET".equals(request.getMethod())
            && PUBLIC_CACHEABLE.stream().anyMatch(p -> p.matcher(rest).matches());
    response.setHeader("Cache-Control", cacheable ? "public, max-age=60" : "no-store");
    long limit = limits.limitFor(request.getMethod(), rest);
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      response.setHeader("Connection", "close");
      tooLarge(response, limit);
      return;
    }
    chain.doFilter(new Limited(request, limit), new SingleCacheControl(response));
  }

  static void tooLarge(HttpServletResponse response, long limit) throws IOException {
    problem(
        response,
        413,
        "body-too-large",
        "The request body is too large",
        "This operation takes bodies of at most " + limit + " bytes.",
        List.of(new FieldProblem("body", "must be at most " + limit + " bytes")));
  }

  /**
   * How the portal's own files may be cached (ADR 0043): the page, the service worker and the web
   * app manifest are revalidated on every load ({@code no-cache}: a browser keeps them but asks
   * whether they changed), so a new release reaches installed terminals at their next start; the
   * files Vite names by their content hash ({@code /assets/…}) never change and are kept a year.
   * Anything else keeps the container's defaults (null).
   */
  static String portalCaching(String uri) {
    if (uri.equals("/")
        || uri.equals("/index.html")
        || uri.equals("/sw.js")
        || uri.equals("/manifest.webmanifest")) {
      return "no-cache";
    }
    if (uri.startsWith("/assets/")) {
      return "public, max-age=31536000, immutable";
    }
    return null;
  }

  /** The policy of API answers: they are data, never a page. */
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

  static void securityHeaders(
      HttpServletRequest request, HttpServletResponse response, boolean api, String pagePolicy) {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Content-Security-Policy", api ? API_POLICY : pagePolicy);
    if (overTls(request)) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
  }

  /** TLS here, or at the load balancer in front (which says so in X-Forwarded-Proto). */
  static boolean overTls(HttpServletRequest request) {
    if (request.isSecure()) {
      return true;
    }
    String forwarded = request.getHeader("X-Forwarded-Proto");
    return forwarded != null
        && "https".equals(forwarded.split(",")[0].strip().toLowerCase(Locale.ROOT));
  }

  /**
   * The portal's policy: its own scripts and styles only (no inline script; Vite builds external
   * files), images of its own and the QR code's blob URL and the favicon's data URL, API calls to
   * itself, token and refresh calls (and the silent-renew frame) to Keycloak, no plugins, no
   * framing by anyone, forms only to itself.
   */
  static String portalPolicy(String keycloakUrl, String extra) {
    StringBuilder origins = new StringBuilder(origin(keycloakUrl));
    for (String more : extra.split("[,\\s]+")) {
      if (!more.isBlank()) {
        origins.append(' ').append(origin(more.strip()));
      }
    }
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
        + " font-src 'self'; connect-src 'self' "
        + origins
        + "; frame-src "
        + origins
        + "; object-src 'none'; base-uri 'self'; form-action 'self' "
        + origins
        + "; frame-ancestors 'none'";
  }

  private static String origin(String url) {
    URI u = URI.create(url);
    return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
  }

  /** Whether the percent-escapes of a raw path decode to valid UTF-8. */
  static boolean isValidUtf8Path(String raw) {
    if (raw.indexOf('%') < 0) {
      return true;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return false;
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c == '%') {
        return false;
      } else {
        bytes.write(c);
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  static void problem(
      HttpServletResponse response,
      int status,
      String type,
      String title,
      String detail,
      List<FieldProblem> fields)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(Problems.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    byte[] body =
        Problems.json(status, type, title, detail, fields).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** Counts the body while it is read and stops at the limit. */
  static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream counted;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        counted = new Counting(super.getInputStream(), limit);
      }
      return counted;
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > limit) {
        throw new BodyLimits.TooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }

  /** Cache-Control is set once: an operation's own value replaces the default. */
  static final class SingleCacheControl extends HttpServletResponseWrapper {
    private static final Set<String> SINGLE = Set.of("cache-control");

    SingleCacheControl(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (SINGLE.contains(name.toLowerCase(Locale.ROOT))) {
        super.setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }
  }
}
