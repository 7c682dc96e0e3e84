package club.bloom.webhooks.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Bloom may post (ADR 0042), against server-side request forgery: an absolute {@code https}
 * URL without user info or fragment, whose host is, and resolves to, public addresses only — never
 * loopback, private (RFC 1918, unique local), link-local (cloud metadata at 169.254.169.254),
 * carrier-grade NAT, multicast or unspecified ones. Checked at registration and again before every
 * attempt (a name may be re-pointed). Test installations ({@code bloom.webhooks.allow-loopback})
 * also accept loopback receivers, over {@code http} too; nothing else private.
 */
public final class EndpointAddressRules {
  public static final int MAX_URL_LENGTH = 2000;

  private final boolean allowLoopback;

  public EndpointAddressRules(boolean allowLoopback) {
    this.allowLoopback = allowLoopback;
  }

  /** The URL, or why it is refused (a sentence for the {@code url} field). */
  public Checked check(String url) {
    if (url == null || url.isBlank()) {
      return Checked.refused("is required");
    }
    if (url.length() > MAX_URL_LENGTH) {
      return Checked.refused("must be at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Checked.refused("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (!uri.isAbsolute() || host == null || host.isEmpty()) {
      return Checked.refused("must be an absolute https URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Checked.refused("must not carry a user name or password");
    }
    if (uri.getRawFragment() != null) {
      return Checked.refused("must not carry a fragment");
    }
    boolean loopbackName = isLoopbackName(host);
    if (scheme.equals("http")) {
      if (!(allowLoopback && loopbackName)) {
        return Checked.refused("must use https");
      }
    } else if (!scheme.equals("https")) {
      return Checked.refused("must use https");
    }
    if (loopbackName && !allowLoopback) {
      return Checked.refused("must not point to this machine or a private network");
    }
    return new Checked(Optional.of(uri), Optional.empty());
  }

  /** Whether Bloom may connect to this address (every address a host name resolves to). */
  public boolean mayConnectTo(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return allowLoopback;
    }
    return !isPrivate(address);
  }

  /** Loopback, private, link-local, CGNAT, multicast, unspecified, documentation… */
  public static boolean isPrivate(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0
          || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240; // reserved, broadcast
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return true; // unique local fc00::/7
      }
      // IPv4-mapped ::ffff:a.b.c.d: judge the IPv4 address.
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (java.net.UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isLoopbackName(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || h.equals("::1")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  /** A URL that passed, or the reason it did not. */
  public record Checked(Optional<URI> url, Optional<String> refusal) {
    static Checked refused(String reason) {
      return new Checked(Optional.empty(), Optional.of(reason));
    }
  }
}
