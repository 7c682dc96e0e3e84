package club.bloom.tenancy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {
  @ParameterizedTest
  @ValueSource(strings = {"abc", "bloom-care", "flora-studio", "club2026", "a1b", "a-b-c"})
  void lowerCaseLettersDigitsAndSingleHyphensMakeASlug(String value) {
    assertEquals(value, new Slug(value).value());
    assertEquals(value, new Slug(value).toString());
    assertTrue(Slug.isValid(value));
  }

  @Test
  void threeToFortyCharactersAreAllowed() {
    assertTrue(Slug.isValid("a" + "b".repeat(38) + "c"));
    assertFalse(Slug.isValid("a" + "b".repeat(39) + "c"));
    assertTrue(Slug.isValid("abc"));
    assertFalse(Slug.isValid("ab"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "Bloom",
        "1club",
        "-club",
        "club-",
        "bloom--care",
        "bloom_care",
        "bloom care",
        "блум",
        "bloom.care",
        "bloom-care\n"
      })
  void anythingElseIsRejectedAlike(String value) {
    assertFalse(Slug.isValid(value));
    Slug.InvalidSlug e = assertThrows(Slug.InvalidSlug.class, () -> new Slug(value));
    assertTrue(e.getMessage().contains("is not a valid slug"));
  }
}
