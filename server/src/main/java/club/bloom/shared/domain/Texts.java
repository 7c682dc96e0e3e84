package club.bloom.shared.domain;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts that reach people (mail, messages, reasons shown in the portal) come from the message
 * catalogue {@code club/bloom/messages.properties} (English) and {@code messages_ru.properties}
 * (Russian), never from literals in code. Patterns are {@link MessageFormat}s: {@code {0}} is the
 * first argument, and a literal apostrophe is written twice ({@code ''}).
 *
 * <p>A locale other than Russian reads English; a key missing from the catalogue is a programming
 * error (a unit test keeps both catalogues complete).
 */
public final class Texts {
  static final String BUNDLE = "club.bloom.messages";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final ResourceBundle bundle;

  private Texts(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader(), NO_FALLBACK);
  }

  /** The catalogue of a club's or a person's language tag ({@code ru}, {@code en-GB}…). */
  public static Texts of(String languageTag) {
    return of(languageTag == null ? Locale.ROOT : Locale.forLanguageTag(languageTag));
  }

  public static Texts of(Locale locale) {
    return new Texts("ru".equals(locale.getLanguage()) ? Locale.forLanguageTag("ru") : Locale.ROOT);
  }

  /** Whether this catalogue is the Russian one. */
  public boolean russian() {
    return "ru".equals(locale.getLanguage());
  }

  /** The text of {@code key} with its arguments filled in. */
  public String text(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalArgumentException("no text '" + key + "' in the message catalogue", e);
    }
    return args.length == 0 && !pattern.contains("''")
        ? pattern
        : new MessageFormat(pattern, russian() ? locale : Locale.ENGLISH).format(args);
  }
}
