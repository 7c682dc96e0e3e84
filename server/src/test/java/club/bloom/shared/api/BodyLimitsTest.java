package club.bloom.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BodyLimitsTest {
  @Test
  void routesGetTheirOwnLimitAndEverythingElseTheDefault() {
    BodyLimits limits =
        BodyLimits.of("256KiB", "POST /partners/*/imports=64MiB, /clubs/*/imports=1MB");
    assertEquals(64L * 1024 * 1024, limits.limitFor("POST", "/partners/flora/imports"));
    assertEquals(256 * 1024, limits.limitFor("PUT", "/partners/flora/imports"));
    assertEquals(1024 * 1024, limits.limitFor("PUT", "/clubs/bc/imports/"));
    assertEquals(256 * 1024, limits.limitFor("POST", "/purchases"));
    assertEquals(256 * 1024, limits.limitFor("POST", "/partners/a/b/imports"));
  }

  @Test
  void aMalformedSizeStopsTheStart() {
    assertThrows(IllegalArgumentException.class, () -> BodyLimits.of("lots", null));
    assertThrows(IllegalArgumentException.class, () -> BodyLimits.of(null, "/x"));
    assertEquals(BodyLimits.DEFAULT, BodyLimits.of(null, null).limitFor("POST", "/x"));
  }
}
