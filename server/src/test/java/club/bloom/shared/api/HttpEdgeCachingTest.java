package club.bloom.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** How the portal's own files may be cached (ADR 0043: the cashier's terminal is a PWA). */
class HttpEdgeCachingTest {
  @Test
  void thePageTheServiceWorkerAndTheManifestAreRevalidatedOnEveryLoad() {
    assertEquals("no-cache", HttpEdge.portalCaching("/"));
    assertEquals("no-cache", HttpEdge.portalCaching("/index.html"));
    assertEquals("no-cache", HttpEdge.portalCaching("/sw.js"));
    assertEquals("no-cache", HttpEdge.portalCaching("/manifest.webmanifest"));
  }

  @Test
  void filesNamedByTheirContentHashAreKeptForAYear() {
    assertEquals(
        "public, max-age=31536000, immutable", HttpEdge.portalCaching("/assets/index-3f9a1c.js"));
  }

  @Test
  void anythingElseKeepsTheContainersDefaults() {
    assertNull(HttpEdge.portalCaching("/terminal-icon.svg"));
    assertNull(HttpEdge.portalCaching("/health/ready"));
    assertNull(HttpEdge.portalCaching("/sw.js.map"));
  }
}
