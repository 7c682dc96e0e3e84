package club.bloom.shared.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A person's first or last name as Bloom accepts it (ADR 0029): letters of any script with their
 * combining marks, and, between them, spaces, hyphens, apostrophes ({@code '} and {@code ’}) and
 * dots — "Anna-Maria", "O'Brien", "d’Artagnan", "J. R.", "Мария", "Nguyễn". It starts with a
 * letter, holds at most {@value #MAX_LENGTH} characters and is kept in Unicode NFC. Digits,
 * brackets, {@code & ! ? < > " $ %}, control characters and emoji are refused — Keycloak refuses
 * several of them in names, and none belongs in a name printed on a passport or a greeting.
 *
 * <p>Checked before the name goes anywhere (Keycloak, the vault, a mail), so enrolment by staff,
 * registration at a counter and any future path share the rule; the contract states the same {@code
 * pattern} on the fields.
 */
public final class PersonName {
  public static final int MAX_LENGTH = 100;

  /** The contract's pattern for the fields (JSON Schema / ECMA-262 with {@code \p}). */
  public static final String PATTERN = "^\\p{L}[\\p{L}\\p{M} '’.\\-]*$";

  private static final Pattern ALLOWED = Pattern.compile(PATTERN);

  private PersonName() {}

  /**
   * The name, stripped and in NFC; a name outside the alphabet is refused naming {@code field}.
   *
   * @throws InvalidInput when the name is blank, too long or has a character not allowed
   */
  public static String of(String field, String text) {
    String reason = problem(text);
    if (reason != null) {
      throw InvalidInput.of(field, reason);
    }
    return Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
  }

  /** Why the name is refused, or null when it is a name. */
  public static String problem(String text) {
    if (text == null || text.isBlank()) {
      return "is required";
    }
    String name = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    if (name.length() > MAX_LENGTH) {
      return "must be at most " + MAX_LENGTH + " characters";
    }
    if (!ALLOWED.matcher(name).matches()) {
      return "must be a name: letters (any script), with spaces, hyphens, apostrophes or dots"
          + " between them; no digits, brackets or other signs";
    }
    return null;
  }
}
