package club.bloom.shared.api;

import club.bloom.shared.domain.FieldProblem;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Characters that make no sense in Bloom's text: NUL (PostgreSQL refuses it in text, which made
 * such requests fail with 500), other control characters, and lone UTF-16 surrogates (no valid
 * UTF-8 holds them). Body strings may hold tab and line breaks (a consent text, a CEL condition);
 * query, path and header values may not.
 */
public final class TextChecks {
  private TextChecks() {}

  /** Why the text is refused, or null when it is fine. */
  public static String problem(String text, boolean lineBreaksAllowed) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return "must not contain the NUL character (U+0000)";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return "must not contain a lone surrogate (U+" + hex(c) + ")";
      }
      if (Character.isLowSurrogate(c)) {
        return "must not contain a lone surrogate (U+" + hex(c) + ")";
      }
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        boolean lineBreak = c == '\t' || c == '\n' || c == '\r';
        if (!(lineBreak && lineBreaksAllowed)) {
          return "must not contain the control character U+" + hex(c);
        }
      }
    }
    return null;
  }

  /** Checks a parameter or header value; adds a problem naming it when refused. */
  public static void checkValue(String field, String value, List<FieldProblem> problems) {
    if (value == null) {
      return;
    }
    String problem = problem(value, false);
    if (problem == null && value.indexOf('\uFFFD') >= 0) {
      problem = "must be valid UTF-8 (percent-encoded bytes that are not UTF-8 were sent)";
    }
    if (problem != null) {
      problems.add(new FieldProblem(field, problem));
    }
  }

  private static final java.math.BigDecimal LONG_RANGE =
      java.math.BigDecimal.valueOf(Long.MAX_VALUE);

  /**
   * Checks every string and every member name of a JSON document, and that every number fits a
   * 64-bit integer's range (no field of the contract goes beyond it; {@code 1e308} and {@code
   * 10^30} are refused here rather than stored as 0 or wrapped).
   */
  static void checkTree(JsonNode node, String path, List<FieldProblem> problems) {
    if (node.isNumber()) {
      boolean inRange =
          node.isIntegralNumber()
              ? node.canConvertToLong()
              : node.decimalValue().abs().compareTo(LONG_RANGE) <= 0;
      if (!inRange) {
        problems.add(
            new FieldProblem(path.isEmpty() ? "body" : path, "is out of range for this field"));
      }
    } else if (node.isString()) {
      String problem = problem(node.asString(), true);
      if (problem != null) {
        problems.add(new FieldProblem(path.isEmpty() ? "body" : path, problem));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkTree(node.get(i), path + "[" + i + "]", problems);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        String name = member.getKey();
        String problem = problem(name, false);
        String child = path.isEmpty() ? name : path + "." + name;
        if (problem != null) {
          problems.add(new FieldProblem(path.isEmpty() ? "body" : path, "a field name " + problem));
          continue;
        }
        checkTree(member.getValue(), child, problems);
      }
    }
  }

  private static String hex(char c) {
    return String.format("%04X", (int) c);
  }
}
