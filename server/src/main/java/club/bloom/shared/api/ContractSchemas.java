package club.bloom.shared.api;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The request-body schemas of the published contract ({@code META-INF/openapi.yaml}), one per
 * operation, ready to check a body against (OpenAPI 3.1 = JSON Schema 2020-12, {@code format}
 * asserted). Loaded once per class loader.
 *
 * <p>Request bodies are <em>closed</em>: an object schema of a request that names its properties
 * and says nothing of others refuses them (as if it said {@code additionalProperties: false}), so a
 * misspelt optional field is reported instead of silently ignored. The contract says so in its
 * conventions; responses stay open for additions.
 */
public final class ContractSchemas {
  static final String CONTRACT = "/META-INF/openapi.yaml";
  private static final String DOCUMENT = "urn:bloom:openapi";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  /** A body the operation takes: its schema, and whether it may be absent. */
  public record RequestBody(Schema schema, boolean required) {}

  private static volatile ContractSchemas instance;

  private final Map<String, RequestBody> bodies = new LinkedHashMap<>();
  private final Map<String, Map<String, JsonNode>> queryParameters = new LinkedHashMap<>();
  private final Set<String> operations = new HashSet<>();

  private ContractSchemas(JsonNode contract) {
    close(contract);
    String json = JsonMapper.shared().writeValueAsString(contract);
    SchemaRegistry registry =
        SchemaRegistry.withDialect(
            Dialects.getOpenApi31(),
            builder ->
                builder
                    .schemas(Map.of(DOCUMENT, json))
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_POINTER)
                            .build()));
    for (Map.Entry<String, JsonNode> path : contract.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String key = key(op.getKey(), path.getKey());
        operations.add(key);
        Map<String, JsonNode> query = new LinkedHashMap<>();
        for (JsonNode p : op.getValue().path("parameters")) {
          JsonNode parameter = resolve(contract, p);
          if ("query".equals(parameter.path("in").asString(""))) {
            query.put(
                parameter.path("name").asString(""), resolve(contract, parameter.path("schema")));
          }
        }
        queryParameters.put(key, query);
        JsonNode body = op.getValue().path("requestBody");
        JsonNode media = body.path("content").path("application/json");
        if (media.isMissingNode()) {
          continue;
        }
        String pointer =
            "#/paths/"
                + escape(path.getKey())
                + "/"
                + op.getKey()
                + "/requestBody/content/application~1json/schema";
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + pointer));
        // Resolve every reference now, not on the first request.
        schema.initializeValidators();
        bodies.put(key, new RequestBody(schema, body.path("required").asBoolean(false)));
      }
    }
  }

  /** The contract as this server was built with it. */
  public static ContractSchemas instance() {
    ContractSchemas loaded = instance;
    if (loaded == null) {
      synchronized (ContractSchemas.class) {
        loaded = instance;
        if (loaded == null) {
          loaded = new ContractSchemas(read());
          instance = loaded;
        }
      }
    }
    return loaded;
  }

  /** The JSON body of an operation ({@code POST}, {@code /clubs/{club}/members}), if it has one. */
  public Optional<RequestBody> body(String method, String pathTemplate) {
    return Optional.ofNullable(bodies.get(key(method, pathTemplate)));
  }

  /** The query parameters an operation defines, each with its (resolved) schema. */
  public Map<String, JsonNode> queryParameters(String method, String pathTemplate) {
    return queryParameters.getOrDefault(key(method, pathTemplate), Map.of());
  }

  private static JsonNode resolve(JsonNode contract, JsonNode node) {
    JsonNode n = node;
    for (int i = 0; i < 10 && n.has("$ref"); i++) {
      n = contract.at(n.get("$ref").asString().substring(1));
    }
    return n;
  }

  /** Whether the contract has the operation at all. */
  public boolean hasOperation(String method, String pathTemplate) {
    return operations.contains(key(method, pathTemplate));
  }

  /** "POST /clubs/{club}/members" and "post /clubs/{x}/members" are one operation. */
  static String key(String method, String pathTemplate) {
    return method.toUpperCase(Locale.ROOT) + " " + pathTemplate.replaceAll("\\{[^}]*}", "{}");
  }

  private static JsonNode read() {
    try (InputStream in = ContractSchemas.class.getResourceAsStream(CONTRACT)) {
      if (in == null) {
        throw new IllegalStateException("the contract is not on the class path: " + CONTRACT);
      }
      return YAMLMapper.shared().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON Pointer escaping of a path key ({@code /a/{b}} → {@code ~1a~1{b}}). */
  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  /**
   * Closes every object schema reachable from a request body: one that lists {@code properties} and
   * states neither {@code additionalProperties} nor {@code unevaluatedProperties}.
   */
  static void close(JsonNode contract) {
    Set<String> visited = new HashSet<>();
    for (JsonNode path : contract.path("paths")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = path.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> op = it.next();
        if (METHODS.contains(op.getKey())) {
          for (JsonNode media : op.getValue().path("requestBody").path("content")) {
            close(contract, media.path("schema"), visited);
          }
        }
      }
    }
  }

  private static void close(JsonNode contract, JsonNode schema, Set<String> visited) {
    if (!(schema instanceof ObjectNode object)) {
      return;
    }
    if (object.has("$ref")) {
      String ref = object.get("$ref").asString();
      if (ref.startsWith("#/") && visited.add(ref)) {
        JsonNode target = contract.at(ref.substring(1));
        close(contract, target, visited);
      }
      return;
    }
    // An e-mail address is the resources' to judge (the format's assertion refuses addresses of
    // domains it does not know, such as the reserved .test): kept as an annotation only.
    if ("email".equals(object.path("format").asString(""))) {
      object.remove("format");
    }
    if (object.has("properties")
        && !object.has("additionalProperties")
        && !object.has("unevaluatedProperties")) {
      object.put("additionalProperties", false);
    }
    for (JsonNode property : object.path("properties")) {
      close(contract, property, visited);
    }
    close(contract, object.path("items"), visited);
    if (object.get("additionalProperties") instanceof ObjectNode more) {
      close(contract, more, visited);
    }
    for (String combined : new String[] {"allOf", "oneOf", "anyOf"}) {
      for (JsonNode part : object.path(combined)) {
        close(contract, part, visited);
      }
    }
  }
}
