package club.bloom.shared.api;

import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one strict binding of request bodies (ADR 0029): the body is read as exactly one JSON
 * document (no trailing data, no duplicate names, valid UTF-8), every string in it is checked for
 * characters that make no sense in text (NUL, lone surrogates, other C0 controls than tab and line
 * breaks), the document is checked against the operation's schema in the contract, and only then
 * bound to the resource's record. Every problem names the field as a JSON path the integrator
 * recognises ({@code amount.amount}, {@code scopes[0]}) with the reason.
 */
public final class StrictJson {
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          // The contract decides which fields exist; a record may leave some unread.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private StrictJson() {}

  /** Parses exactly one JSON document; a malformed one is a 400 naming {@code body}. */
  public static JsonNode parse(byte[] body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw malformed(e);
    }
    if (node == null || node.isMissingNode()) {
      throw InvalidInput.of("body", "is required");
    }
    List<FieldProblem> problems = new ArrayList<>();
    TextChecks.checkTree(node, "", problems);
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    return node;
  }

  /** Checks a parsed body against a contract schema: every violation, by field. */
  public static void validate(Schema schema, JsonNode body) {
    List<Error> errors = schema.validate(body);
    if (errors.isEmpty()) {
      return;
    }
    Map<String, String> byField = new LinkedHashMap<>();
    for (Error error : errors) {
      String field = field(error);
      // The first reason per field: several (e.g. type and format) would only repeat the point.
      byField.putIfAbsent(field, reason(error));
    }
    List<FieldProblem> problems = new ArrayList<>();
    byField.forEach((field, reason) -> problems.add(new FieldProblem(field, reason)));
    throw new InvalidInput(problems);
  }

  /** Binds a checked body to the resource's type (a record, a list of records…). */
  public static Object bind(JsonNode body, Type type) {
    JavaType target = MAPPER.getTypeFactory().constructType(type);
    try {
      return MAPPER.treeToValue(body, target);
    } catch (DatabindException e) {
      // The contract allowed it but the record cannot hold it (e.g. a number beyond its range).
      throw InvalidInput.of(path(e), "has a value this field cannot hold");
    }
  }

  static InvalidInput malformed(JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 1
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    String reason;
    if (what.startsWith("Duplicate Object property")) {
      reason = "names the same field twice" + where;
    } else if (what.contains("Trailing token") || what.contains("trailing token")) {
      reason = "must be exactly one JSON document, with nothing after it" + where;
    } else if (what.contains("Invalid UTF-8") || what.contains("UTF-8")) {
      reason = "must be UTF-8" + where;
    } else if (what.contains("end-of-input") || what.contains("No content")) {
      reason = "ends before the JSON document is complete" + where;
    } else {
      reason = "is not valid JSON" + where;
    }
    return InvalidInput.of("body", reason);
  }

  private static String path(DatabindException e) {
    StringBuilder out = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.isEmpty() ? "body" : out.toString();
  }

  /** {@code /amount/amount} → {@code amount.amount}; {@code /scopes/0} → {@code scopes[0]}. */
  static String field(Error error) {
    NodePath at = error.getInstanceLocation();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < at.getNameCount(); i++) {
      Object element = at.getElement(i);
      if (element instanceof Number index) {
        out.append('[').append(index.intValue()).append(']');
      } else {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(element);
      }
    }
    String property = error.getProperty();
    if (property != null && isAboutAProperty(error.getKeyword())) {
      if (!out.isEmpty()) {
        out.append('.');
      }
      out.append(property);
    }
    return out.isEmpty() ? "body" : out.toString();
  }

  private static boolean isAboutAProperty(String keyword) {
    return "required".equals(keyword)
        || "additionalProperties".equals(keyword)
        || "unevaluatedProperties".equals(keyword)
        || "dependentRequired".equals(keyword);
  }

  /** A reason in plain words from the keyword that failed and the schema's own values. */
  static String reason(Error error) {
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    // The library gives the keyword's value; seen as the schema object below ({keyword: value}).
    JsonNode given = error.getSchemaNode();
    JsonNode schema =
        given != null && given.isObject() && given.has(keyword)
            ? given
            : MAPPER.createObjectNode().set(keyword, given == null ? MAPPER.nullNode() : given);
    return switch (keyword) {
      case "required" -> "is required";
      case "additionalProperties", "unevaluatedProperties" ->
          "is not a field of this request (see the contract)";
      case "type" -> "must be " + typeName(schema.path("type"));
      case "format" -> "must be " + formatName(schema.path("format").asString(""));
      case "pattern" -> "must match " + text(schema.get("pattern"));
      case "maxLength" -> "must be at most " + schema.get("maxLength").asInt() + " characters";
      case "minLength" ->
          schema.get("minLength").asInt() == 1
              ? "is required"
              : "must be at least " + schema.get("minLength").asInt() + " characters";
      case "maximum" -> "must be at most " + text(schema.get("maximum"));
      case "minimum" -> "must be at least " + text(schema.get("minimum"));
      case "exclusiveMaximum" -> "must be less than " + text(schema.get("exclusiveMaximum"));
      case "exclusiveMinimum" -> "must be greater than " + text(schema.get("exclusiveMinimum"));
      case "maxItems" -> "must have at most " + schema.get("maxItems").asInt() + " items";
      case "minItems" -> "must have at least " + schema.get("minItems").asInt() + " item(s)";
      case "uniqueItems" -> "must not repeat an item";
      case "enum" -> "must be one of " + enumValues(schema.path("enum"));
      case "const" -> "must be " + schema.path("const");
      case "maxProperties" ->
          "must have at most " + schema.get("maxProperties").asInt() + " entries";
      case "propertyNames" -> "has an entry whose name is not allowed";
      default -> plain(error.getMessage());
    };
  }

  private static String text(JsonNode value) {
    return value == null ? "" : value.isString() ? value.asString() : value.toString();
  }

  private static String typeName(JsonNode type) {
    if (type.isArray()) {
      List<String> names = new ArrayList<>();
      type.forEach(t -> names.add(article(text(t))));
      return String.join(" or ", names);
    }
    return article(type.isString() ? type.asString() : "value");
  }

  private static String article(String type) {
    return switch (type) {
      case "string" -> "a string";
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "true or false";
      case "object" -> "an object";
      case "array" -> "an array";
      case "null" -> "null";
      default -> type;
    };
  }

  private static String formatName(String format) {
    return switch (format) {
      case "date-time" -> "an RFC 3339 date-time such as 2026-11-24T10:15:00+03:00";
      case "date" -> "a date such as 2026-11-24";
      case "uuid" -> "a UUID";
      case "email" -> "an e-mail address";
      case "uri" -> "an absolute URI";
      case "int64" -> "a 64-bit integer";
      case "int32" -> "a 32-bit integer";
      default -> "of format " + format;
    };
  }

  private static String enumValues(JsonNode values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(v.isString() ? v.asString() : v.toString()));
    return String.join(", ", out);
  }

  /** The library's message without its leading location ("/a/b: …"). */
  private static String plain(String message) {
    if (message == null) {
      return "is invalid";
    }
    int colon = message.indexOf(": ");
    return colon >= 0 && message.startsWith("/") ? message.substring(colon + 2) : message;
  }
}
