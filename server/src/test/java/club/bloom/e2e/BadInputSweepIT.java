package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.ApiKeyRequest.ScopesEnum;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bad-input sweep (issue 9), generated from the contract: for every operation of {@code
 * openapi.yaml}, with a credential that may call it, every path parameter gets odd values (encoded
 * slash, dot segments, NUL, CR/LF, invalid UTF-8, very long), every query parameter and value
 * header wrong values (NUL, lone surrogate, huge, wrong type, overflow), and every JSON body its
 * bad shapes (missing, null, array instead of object, trailing data) and every field of it its bad
 * values (missing when required, null, wrong type, NUL, lone surrogate, huge, numeric overflow).
 *
 * <p>It fails on any 5xx, on any 4xx that is not problem+json, on any bad input that was accepted
 * (2xx), and on any write to the swept tenants (a digest of their schemas and platform rows before
 * and after). An operation it cannot call (an unknown path parameter, no credential for its access)
 * fails it, so every new operation is swept when added.
 */
class BadInputSweepIT {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
  private static final Pattern PARAM = Pattern.compile("\\{([a-z]+)}");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String API =
      System.getProperty("bloom.url", "http://localhost:9080") + "/api/v1";
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * Path values the web container refuses itself, before any application code (and so before any
   * error page or filter): it answers 400 with its own short message {@code CWWWC0005I}. Documented
   * in docs/security.md ("Found by probing (issue 9)"); allowed here only as that exact answer.
   */
  private static final Set<String> REFUSED_BY_THE_CONTAINER = Set.of("a%00b", "a%0D%0Ab");

  static ClubFixture club;
  static PartnerFixture partner;
  static MemberFixture member;
  static String operator;
  static String clubOwner;
  static JsonNode contract;

  @BeforeAll
  static void tenantsToSweep() throws Exception {
    club = Fixtures.club();
    partner =
        club.partner(
            List.of(
                ScopesEnum.PURCHASES_WRITE,
                ScopesEnum.PURCHASES_READ,
                ScopesEnum.MEMBERS_LOOKUP,
                ScopesEnum.MEMBERS_REGISTER,
                ScopesEnum.IMPORTS_WRITE),
            "florist");
    member = club.member();
    operator = Fixtures.operatorToken();
    clubOwner =
        Fixtures.KEYCLOAK.passwordGrant(
            club.realm(),
            Fixtures.TEST_CLIENT,
            "admin@" + club.slug() + ".test",
            "admin-" + club.slug());
    contract =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("../openapi/src/main/openapi/openapi.yaml").toFile());
  }

  /** One request of the sweep. */
  record Probe(
      String operation,
      String what,
      String method,
      String path,
      String bearer,
      String body,
      Map<String, String> headers,
      boolean containerRefusal) {}

  @Test
  void noBadInputToAnyOperationAnswers5xxOrAnythingButProblemJsonOrChangesData() throws Exception {
    String before = digest();
    List<Probe> probes = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : contract.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        operations++;
        String method = op.getKey().toUpperCase(Locale.ROOT);
        String operation = method + " " + path.getKey();
        try {
          probes.addAll(probesOf(operation, method, path.getKey(), op.getValue()));
        } catch (UnknownOperation e) {
          unknown.add(operation + ": " + e.getMessage());
        }
      }
    }
    assertTrue(
        unknown.isEmpty(),
        "Operations the sweep cannot call — teach BadInputSweepIT their parameters or"
            + " credential:\n  "
            + String.join("\n  ", unknown));

    Instant start = Instant.now();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (Probe probe : probes) {
        running.add(pool.submit(() -> check(probe, failures)));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Duration took = Duration.between(start, Instant.now());
    System.out.printf(
        "bad-input sweep: %d operations, %d probes in %d s%n",
        operations, probes.size(), took.toSeconds());
    failures.forEach(f -> System.out.println("sweep failure: " + f));
    assertTrue(probes.size() > 1000, "only " + probes.size() + " probes");
    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " bad inputs were not refused with a 4xx problem+json:\n  "
            + String.join("\n  ", failures.subList(0, Math.min(60, failures.size()))));
    assertEquals(before, digest(), "a refused request changed the swept tenants' data");
  }

  private static void check(Probe probe, List<String> failures) {
    HttpResponse<String> answer;
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(API + probe.path()))
              .timeout(Duration.ofSeconds(60))
              .method(
                  probe.method(),
                  probe.body() == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(probe.body(), StandardCharsets.UTF_8));
      if (probe.body() != null) {
        request.header("Content-Type", "application/json");
      }
      if (probe.bearer() != null) {
        request.header("Authorization", "Bearer " + probe.bearer());
      }
      probe.headers().forEach(request::header);
      if (INVALID_UTF8.equals(probe.body())) {
        request.method(
            probe.method(),
            HttpRequest.BodyPublishers.ofByteArray(new byte[] {'"', (byte) 0xC3, '(', '"'}));
      }
      answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      failures.add(probe.operation() + " [" + probe.what() + "]: no answer: " + e);
      return;
    }
    int status = answer.statusCode();
    String type = answer.headers().firstValue("Content-Type").orElse("");
    String where = probe.operation() + " [" + probe.what() + "] → " + status + " ";
    if (probe.containerRefusal()
        && status == 400
        && answer.body().contains("CWWWC0005I")
        && !answer.body().contains("Exception")) {
      return;
    }
    if (status >= 500) {
      failures.add(where + cut(answer.body()));
    } else if (status < 400) {
      failures.add(where + "bad input accepted: " + cut(answer.body()));
    } else if (!type.startsWith("application/problem+json")) {
      failures.add(where + "not problem+json (" + type + "): " + cut(answer.body()));
    } else if (answer.body().matches("(?s).*(RESTEASY|SRVE|CWW)[A-Z]*[0-9]{3,}.*")) {
      failures.add(where + "container message id in the answer: " + cut(answer.body()));
    }
  }

  private static String cut(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  static final class UnknownOperation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownOperation(String message) {
      super(message);
    }
  }

  /** The credential that may call an operation, from its {@code x-bloom-access}. */
  private static String credential(JsonNode operation) {
    JsonNode access = operation.path("x-bloom-access");
    if (access.path("public").asBoolean(false)) {
      return null;
    }
    Set<String> roles = new TreeSet<>();
    access.path("roles").forEach(r -> roles.add(r.asText()));
    if (roles.contains("platform-operator")) {
      return operator;
    }
    if (roles.contains("member") || roles.contains("person")) {
      // "person" is any signed-in login whose address is verified (ADR 0027): a member's is one.
      return member.token();
    }
    if (roles.contains("club-owner") || roles.contains("club-admin")) {
      return clubOwner;
    }
    if (access.has("scopes")) {
      // Operations a partner's key may call (some also admit partner staff, e.g. the CSV import).
      return partner.apiKey();
    }
    throw new UnknownOperation("no credential for x-bloom-access " + access);
  }

  /** Valid values of the swept tenants for each path parameter. */
  private static Map<String, String> pathValues(String template) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("club", club.slug());
    v.put("partner", partner.slug());
    v.put("member", member.id().toString());
    v.put("invitation", java.util.UUID.randomUUID().toString());
    v.put("request", java.util.UUID.randomUUID().toString());
    v.put("id", java.util.UUID.randomUUID().toString());
    v.put("message", java.util.UUID.randomUUID().toString());
    v.put("month", YearMonth.now(ZoneOffset.UTC).toString());
    v.put("kind", "clubs");
    v.put("slug", club.slug());
    return v;
  }

  private static final List<String> ODD_PATH_VALUES =
      List.of(
          "a%2Fb",
          "%2e%2e",
          "..",
          ".",
          "a%5Cb",
          "a;b",
          "a%00b",
          "a%0D%0Ab",
          "%ED%A0%80",
          "%C0%AE",
          "%F0%9F%98%80",
          "x".repeat(3000));

  private static List<Probe> probesOf(
      String operation, String method, String template, JsonNode op) {
    String bearer = credential(op);
    Map<String, String> values = pathValues(template);
    List<String> names = new ArrayList<>();
    Matcher m = PARAM.matcher(template);
    while (m.find()) {
      if (!values.containsKey(m.group(1))) {
        throw new UnknownOperation("path parameter {" + m.group(1) + "} has no value");
      }
      names.add(m.group(1));
    }
    String path = fill(template, names, values);
    List<JsonNode> parameters = parameters(op);
    Map<String, String> goodHeaders = new LinkedHashMap<>();
    for (JsonNode p : parameters) {
      if ("header".equals(p.path("in").asText())) {
        goodHeaders.put(p.get("name").asText(), goodHeader(p.get("name").asText()));
      }
    }
    String goodBody = null;
    JsonNode bodySchema = null;
    JsonNode media = op.path("requestBody").path("content").path("application/json");
    if (!media.isMissingNode()) {
      bodySchema = media.path("schema");
      goodBody = instanceOf(bodySchema, 0).toString();
    }
    List<Probe> out = new ArrayList<>();
    // Path parameters.
    for (String name : names) {
      for (String odd : ODD_PATH_VALUES) {
        Map<String, String> bad = new LinkedHashMap<>(values);
        bad.put(name, odd);
        out.add(
            new Probe(
                operation,
                "{" + name + "}=" + (odd.length() > 20 ? "x*" + odd.length() : odd),
                method,
                fill(template, names, bad),
                bearer,
                goodBody,
                withKey(goodHeaders),
                REFUSED_BY_THE_CONTAINER.contains(odd)));
      }
    }
    // Query parameters.
    for (JsonNode p : parameters) {
      if (!"query".equals(p.path("in").asText())) {
        continue;
      }
      String name = p.get("name").asText();
      JsonNode schema = resolve(p.path("schema"));
      List<String> bad = new ArrayList<>(List.of("a%00b", "%ED%A0%80", "a%01b", "x".repeat(5000)));
      String type = schema.path("type").asText("string");
      if ("integer".equals(type)) {
        bad.addAll(List.of("abc", "99999999999999999999", "1e308", "-1", "1.5"));
      } else if (schema.has("enum")) {
        bad.add("not-a-value");
      }
      for (String value : bad) {
        if ("string".equals(type)
            && !schema.has("enum")
            && !schema.has("pattern")
            && !schema.has("maxLength")
            && !schema.has("format")
            && value.startsWith("x")) {
          continue; // a free string of any length is that parameter's to take (e.g. a cursor)
        }
        out.add(
            new Probe(
                operation,
                "?" + name + "=" + (value.length() > 20 ? "x*" + value.length() : value),
                method,
                path + "?" + name + "=" + value,
                bearer,
                goodBody,
                withKey(goodHeaders),
                false));
      }
    }
    // Value headers.
    for (String header : goodHeaders.keySet()) {
      for (String value : List.of("x".repeat(2000), "a b")) {
        Map<String, String> h = withKey(goodHeaders);
        h.put(header, value);
        out.add(new Probe(operation, header + " bad", method, path, bearer, goodBody, h, false));
      }
    }
    // The body, whole.
    if (bodySchema != null) {
      boolean required = op.path("requestBody").path("required").asBoolean(false);
      List<String[]> shapes = new ArrayList<>();
      if (required) {
        shapes.add(new String[] {"no body", ""});
      }
      if (required) {
        shapes.add(new String[] {"null", "null"});
      }
      shapes.add(new String[] {"trailing data", goodBody + " {\"more\":1}"});
      shapes.add(new String[] {"two documents", goodBody + goodBody});
      shapes.add(new String[] {"not JSON", "{\"a\":"});
      shapes.add(new String[] {"a string", "\"text\""});
      JsonNode root = resolve(bodySchema);
      if ("array".equals(root.path("type").asText())) {
        shapes.add(new String[] {"object instead of array", "{}"});
      } else {
        shapes.add(new String[] {"array instead of object", "[" + goodBody + "]"});
      }
      shapes.add(new String[] {"invalid UTF-8", null});
      for (String[] shape : shapes) {
        out.add(
            new Probe(
                operation,
                "body: " + shape[0],
                method,
                path,
                bearer,
                shape[1] == null ? INVALID_UTF8 : shape[1],
                withKey(goodHeaders),
                false));
      }
      // Every field.
      JsonNode good = instanceOf(bodySchema, 0);
      for (Mutation mutation : mutations(bodySchema, "", 0)) {
        JsonNode body = good.deepCopy();
        if (!mutation.apply(body)) {
          continue;
        }
        out.add(
            new Probe(
                operation,
                mutation.describe(),
                method,
                path,
                bearer,
                mutation.raw(body),
                withKey(goodHeaders),
                false));
      }
    }
    return out;
  }

  private static Map<String, String> withKey(Map<String, String> headers) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.replaceAll((name, value) -> "Idempotency-Key".equals(name) ? Fixtures.key() : value);
    return h;
  }

  private static String goodHeader(String name) {
    return switch (name) {
      case "Idempotency-Key" -> Fixtures.key();
      case "Signup-Token" -> "A".repeat(43);
      case "If-Match" -> "\"1\"";
      default -> "x";
    };
  }

  private static String fill(String template, List<String> names, Map<String, String> values) {
    String out = template;
    for (String name : names) {
      out = out.replace("{" + name + "}", values.get(name));
    }
    return out;
  }

  private static List<JsonNode> parameters(JsonNode op) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : op.path("parameters")) {
      out.add(resolve(p));
    }
    return out;
  }

  private static JsonNode resolve(JsonNode node) {
    JsonNode n = node;
    for (int i = 0; i < 10 && n.has("$ref"); i++) {
      n = contract.at(n.get("$ref").asText().substring(1));
    }
    return n;
  }

  /** A bad value put at one place of a body. */
  record Mutation(List<Object> at, String kind, JsonNode value, boolean remove, String rawValue) {
    String describe() {
      StringBuilder p = new StringBuilder();
      for (Object o : at) {
        p.append(o instanceof Integer i ? "[" + i + "]" : (p.isEmpty() ? "" : ".") + o);
      }
      return (p.isEmpty() ? "body" : p) + ": " + kind;
    }

    /** Puts the value (or removes the field); false when the place is not in this body. */
    boolean apply(JsonNode body) {
      JsonNode parent = body;
      for (int i = 0; i < at.size() - 1; i++) {
        Object step = at.get(i);
        parent = step instanceof Integer idx ? parent.path(idx) : parent.path((String) step);
        if (parent.isMissingNode()) {
          return false;
        }
      }
      Object last = at.get(at.size() - 1);
      if (parent instanceof ObjectNode object && last instanceof String name) {
        if (remove) {
          object.remove(name);
        } else {
          object.set(name, value == null ? JSON.textNode(MARK) : value);
        }
        return true;
      }
      if (parent instanceof ArrayNode array && last instanceof Integer idx && array.size() > idx) {
        array.set(idx, value == null ? JSON.textNode(MARK) : value);
        return true;
      }
      return false;
    }

    /** The body's JSON, with a raw (not JSON-representable) value put where the mark is. */
    String raw(JsonNode body) {
      String json = body.toString();
      return rawValue == null ? json : json.replace("\"" + MARK + "\"", rawValue);
    }
  }

  private static final String MARK = "__bloom_sweep_raw__";
  private static final String INVALID_UTF8 = "__bloom_sweep_invalid_utf8__";

  /** The bad values of every field of a schema, recursively (depth-limited). */
  private static List<Mutation> mutations(JsonNode schemaRef, String unused, int depth) {
    List<Mutation> out = new ArrayList<>();
    collect(resolve(schemaRef), new ArrayList<>(), out, depth);
    return out;
  }

  private static void collect(JsonNode schema, List<Object> at, List<Mutation> out, int depth) {
    if (depth > 4) {
      return;
    }
    String type = typeOf(schema);
    if ("object".equals(type)) {
      Set<String> required = new TreeSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
        List<Object> here = new ArrayList<>(at);
        here.add(property.getKey());
        JsonNode child = resolve(property.getValue());
        if (required.contains(property.getKey())) {
          out.add(new Mutation(here, "missing", null, true, null));
        }
        values(child, here, out);
        collect(child, here, out, depth + 1);
      }
      // A field the schema does not name (request objects are closed).
      if (!schema.has("additionalProperties")) {
        List<Object> extra = new ArrayList<>(at);
        extra.add("notAField");
        out.add(new Mutation(extra, "unknown field", JSON.numberNode(1), false, null));
      }
    } else if ("array".equals(type)) {
      List<Object> first = new ArrayList<>(at);
      first.add(0);
      JsonNode items = resolve(schema.path("items"));
      values(items, first, out);
      collect(items, first, out, depth + 1);
    }
  }

  /** The bad values of one field, from its schema. */
  private static void values(JsonNode schema, List<Object> at, List<Mutation> out) {
    String type = typeOf(schema);
    boolean nullable =
        schema.path("type").isArray() && schema.path("type").toString().contains("null");
    if (!nullable) {
      out.add(new Mutation(at, "null", JSON.nullNode(), false, null));
    }
    switch (type) {
      case "string" -> {
        out.add(new Mutation(at, "number for a string", JSON.numberNode(100), false, null));
        out.add(new Mutation(at, "true for a string", JSON.booleanNode(true), false, null));
        out.add(new Mutation(at, "NUL", JSON.textNode("a\u0000b"), false, null));
        out.add(new Mutation(at, "lone surrogate", null, false, "\"a\\ud800b\""));
        out.add(new Mutation(at, "control character", JSON.textNode("a\u0001b"), false, null));
        out.add(new Mutation(at, "object for a string", JSON.objectNode(), false, null));
        if (schema.has("maxLength")
            || schema.has("pattern")
            || schema.has("enum")
            || schema.has("format")) {
          int huge = schema.has("maxLength") ? schema.get("maxLength").asInt() + 1 : 100_000;
          out.add(new Mutation(at, "huge", JSON.textNode("x".repeat(huge)), false, null));
        }
      }
      case "integer", "number" -> {
        out.add(new Mutation(at, "string for a number", JSON.textNode("100"), false, null));
        out.add(new Mutation(at, "yes for a number", JSON.textNode("yes"), false, null));
        out.add(new Mutation(at, "overflow 1e308", null, false, "1e308"));
        out.add(new Mutation(at, "overflow 10^30", null, false, "1000000000000000000000000000000"));
        out.add(new Mutation(at, "-10^30", null, false, "-1000000000000000000000000000000"));
      }
      case "boolean" -> {
        out.add(new Mutation(at, "yes for a boolean", JSON.textNode("yes"), false, null));
        out.add(new Mutation(at, "1 for a boolean", JSON.numberNode(1), false, null));
      }
      case "array" -> {
        out.add(new Mutation(at, "object for an array", JSON.objectNode(), false, null));
        out.add(new Mutation(at, "string for an array", JSON.textNode("a"), false, null));
      }
      case "object" -> {
        out.add(new Mutation(at, "array for an object", JSON.arrayNode(), false, null));
        out.add(new Mutation(at, "string for an object", JSON.textNode("a"), false, null));
      }
      default -> {}
    }
  }

  private static String typeOf(JsonNode schema) {
    JsonNode t = schema.path("type");
    if (t.isArray()) {
      for (JsonNode each : t) {
        if (!"null".equals(each.asText())) {
          return each.asText();
        }
      }
    }
    if (t.isTextual()) {
      return t.asText();
    }
    return schema.has("properties") ? "object" : schema.has("items") ? "array" : "";
  }

  /** A plausible value of a schema (required properties only, or all when none are required). */
  private static JsonNode instanceOf(JsonNode schemaRef, int depth) {
    JsonNode schema = resolve(schemaRef);
    if (depth > 6) {
      return JSON.nullNode();
    }
    if (schema.has("example")) {
      return schema.get("example");
    }
    if (schema.has("examples") && schema.get("examples").size() > 0) {
      return schema.get("examples").get(0);
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    return switch (typeOf(schema)) {
      case "array" -> JSON.arrayNode().add(instanceOf(schema.path("items"), depth + 1));
      case "integer" -> JSON.numberNode(schema.path("minimum").asLong(1));
      case "number" -> JSON.numberNode(1);
      case "boolean" -> JSON.booleanNode(true);
      case "string" ->
          switch (schema.path("format").asText("")) {
            case "date-time" ->
                JSON.textNode(java.time.OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
            case "date" -> JSON.textNode(java.time.LocalDate.now(ZoneOffset.UTC).toString());
            case "uuid" -> JSON.textNode(java.util.UUID.randomUUID().toString());
            case "email" -> JSON.textNode("sweep@sweep.test");
            default -> JSON.textNode("sweep");
          };
      case "object" -> {
        ObjectNode object = JSON.objectNode();
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
          if (required.isEmpty() || required.contains(p.getKey())) {
            object.set(p.getKey(), instanceOf(p.getValue(), depth + 1));
          }
        }
        yield object;
      }
      default -> JSON.objectNode();
    };
  }

  /**
   * The swept tenants' data: every table of the club's and the partner's schemas, and their rows in
   * the platform schema (tenants, partnerships, keys without their last use, sign-ups).
   */
  private static String digest() throws Exception {
    StringBuilder out = new StringBuilder();
    String partnerSchema = "partner_" + partner.slug().replace('-', '_');
    try (Connection db = Fixtures.db();
        Statement s = db.createStatement()) {
      List<String> tables = new ArrayList<>();
      for (String schema : List.of(club.schema(), partnerSchema)) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + schema
                    + "' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'databasechangelog%'"
                    + " ORDER BY table_name")) {
          while (rs.next()) {
            tables.add(schema + "." + rs.getString(1));
          }
        }
      }
      List<String> queries = new ArrayList<>();
      for (String table : tables) {
        queries.add(
            "SELECT '"
                + table
                + "', count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "
                + table
                + " t");
      }
      String slugs = "('" + club.slug() + "','" + partner.slug() + "')";
      queries.add(
          "SELECT 'tenant', count(*), md5(coalesce(string_agg(concat_ws(',', slug, name, status,"
              + " provisioning_step), '|' ORDER BY slug), '')) FROM platform.tenant WHERE slug IN "
              + slugs);
      queries.add(
          "SELECT 'partnership', count(*), md5(coalesce(string_agg(p::text, '|' ORDER BY"
              + " p::text), '')) FROM platform.partnership p");
      queries.add(
          "SELECT 'api_key', count(*), md5(coalesce(string_agg(concat_ws(',', k.id, k.revoked_at,"
              + " k.expires_at, k.label, k.scopes), '|' ORDER BY k.id), '')) FROM platform.api_key"
              + " k JOIN platform.tenant t ON t.id = k.tenant_id WHERE t.slug IN "
              + slugs);
      queries.add("SELECT 'signup', count(*), '' FROM platform.signup");
      queries.add("SELECT 'idempotency', count(*), '' FROM platform.idempotency_record");
      for (String q : queries) {
        try (ResultSet rs = s.executeQuery(q)) {
          rs.next();
          out.append(rs.getString(1))
              .append('=')
              .append(rs.getLong(2))
              .append(':')
              .append(rs.getString(3))
              .append('\n');
        }
      }
    }
    return out.toString();
  }
}
