package club.bloom.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PersonNameTest {
  @Test
  void namesOfAnyScriptWithHyphensApostrophesAndDotsAreNames() {
    for (String name :
        new String[] {
          "Anna",
          "Мария-Луиза",
          "O'Brien",
          "d’Artagnan",
          "J. R.",
          "Nguyễn",
          "Zoë",
          "李娜",
          "Ἀλέξανδρος"
        }) {
      assertNull(PersonName.problem(name), name);
    }
  }

  @Test
  void digitsBracketsSignsControlsAndEmojiAreNot() {
    for (String name :
        new String[] {
          "Anna (Ann)",
          "Мария!",
          "Anna & Co",
          "R2D2",
          "<b>",
          "a\u0000b",
          "Anna\nMaria",
          "-Anna",
          "Anna 😀",
          " ",
          ""
        }) {
      assertNotNull(PersonName.problem(name), name);
    }
    assertNotNull(PersonName.problem("A".repeat(101)));
  }

  @Test
  void aNameIsStrippedAndKeptInNfcAndARefusalNamesTheField() {
    assertEquals("Zoë", PersonName.of("firstName", "  Zoe\u0308 "));
    InvalidInput e = assertThrows(InvalidInput.class, () -> PersonName.of("lastName", "Anna & Co"));
    assertEquals("lastName", e.fields().get(0).field());
  }
}
