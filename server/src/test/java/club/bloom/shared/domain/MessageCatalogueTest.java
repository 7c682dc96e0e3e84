package club.bloom.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessageCatalogueTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessageCatalogueTest.class.getResourceAsStream("/club/bloom/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void bothCataloguesHoldTheSameKeys() throws IOException {
    var en = new TreeSet<>(load("messages.properties").stringPropertyNames());
    var ru = new TreeSet<>(load("messages_ru.properties").stringPropertyNames());
    var onlyEnglish = new TreeSet<>(en);
    onlyEnglish.removeAll(ru);
    var onlyRussian = new TreeSet<>(ru);
    onlyRussian.removeAll(en);
    assertEquals(new TreeSet<String>(), onlyEnglish, "keys missing from messages_ru.properties");
    assertEquals(new TreeSet<String>(), onlyRussian, "keys missing from messages.properties");
  }

  @Test
  void everyPatternIsAValidMessageFormatWithTheSameArguments() throws IOException {
    Properties en = load("messages.properties");
    Properties ru = load("messages_ru.properties");
    for (String key : en.stringPropertyNames()) {
      int enArgs = new MessageFormat(en.getProperty(key)).getFormatsByArgumentIndex().length;
      int ruArgs =
          new MessageFormat(ru.getProperty(key, en.getProperty(key)))
              .getFormatsByArgumentIndex()
              .length;
      assertEquals(enArgs, ruArgs, "arguments of '" + key + "' differ between the catalogues");
    }
  }

  @Test
  void russianAndOtherLanguagesReadTheirCatalogue() {
    assertTrue(Texts.of("ru").russian());
    assertTrue(Texts.of("ru-RU").russian());
    assertTrue(!Texts.of("en").russian());
    assertTrue(!Texts.of("de").russian());
    assertTrue(!Texts.of((String) null).russian());
  }

  @Test
  void anUnknownKeyIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> Texts.of("en").text("no.such.key"));
  }
}
