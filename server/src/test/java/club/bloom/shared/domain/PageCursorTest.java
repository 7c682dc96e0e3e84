package club.bloom.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {
  private static String base64(String raw) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aCursorSurvivesEncodingAndDecoding() {
    PageCursor cursor =
        new PageCursor(Instant.parse("2026-11-24T10:15:00.123456Z"), UUID.randomUUID());

    assertEquals(cursor, PageCursor.decode(cursor.encode()));
  }

  @Test
  void anEncodedCursorIsSafeInAUrl() {
    String encoded = new PageCursor(Instant.now(), UUID.randomUUID()).encode();

    assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void noCursorMeansTheFirstPage(String text) {
    assertNull(PageCursor.decode(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage!", "Zm9v", "%%%", "eyJhIjoxfQ"})
  void garbageIsInvalidInputNamingTheCursor(String text) {
    InvalidInput e = assertThrows(InvalidInput.class, () -> PageCursor.decode(text));

    assertEquals(
        List.of(new FieldProblem("cursor", "is not a cursor returned by this API")), e.fields());
  }

  @Test
  void aWellEncodedButMeaninglessCursorIsInvalidInput() {
    for (String raw :
        List.of(
            "2026-11-24T10:15:00Z|not-a-uuid",
            "yesterday|" + UUID.randomUUID(),
            "2026-11-24T10:15:00Z",
            "|")) {
      InvalidInput e = assertThrows(InvalidInput.class, () -> PageCursor.decode(base64(raw)), raw);
      assertEquals("cursor", e.fields().get(0).field());
    }
  }
}
