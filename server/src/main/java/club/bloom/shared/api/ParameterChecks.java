package club.bloom.shared.api;

import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Path parameters, query parameters and the headers Bloom reads as values are text like any other:
 * a NUL, a control character, a lone surrogate or bytes that are not UTF-8 answer 400 naming the
 * parameter or header, before a resource sees them (and before they reach SQL, where PostgreSQL
 * refused NUL with a 500). Query parameters the operation does not define are not checked (they are
 * ignored anyway).
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 500)
public class ParameterChecks implements ContainerRequestFilter {
  /** Headers whose values become data (keys, tokens, versions); others are the container's. */
  static final Set<String> VALUE_HEADERS =
      Set.of("idempotency-key", "signup-token", "if-match", "if-none-match");

  @Context ResourceInfo resource;

  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  /**
   * A query value against its parameter's schema in the contract (type, bounds, enum, pattern,
   * length): a wrong one is a 400 naming the parameter — not the 404 JAX-RS gives a query value it
   * cannot convert.
   */
  static String againstSchema(String value, JsonNode schema) {
    String type = schema.path("type").asString("string");
    if ("integer".equals(type)) {
      long n;
      try {
        if (!value.matches("-?[0-9]{1,19}")) {
          return "must be an integer";
        }
        n = Long.parseLong(value);
      } catch (NumberFormatException e) {
        return "is out of range";
      }
      if (schema.has("minimum") && n < schema.get("minimum").asLong()) {
        return "must be at least " + schema.get("minimum").asLong();
      }
      if (schema.has("maximum") && n > schema.get("maximum").asLong()) {
        return "must be at most " + schema.get("maximum").asLong();
      }
      return null;
    }
    if (schema.has("enum")) {
      List<String> allowed = new ArrayList<>();
      schema.get("enum").forEach(v -> allowed.add(v.asString()));
      return allowed.contains(value) ? null : "must be one of " + String.join(", ", allowed);
    }
    if (schema.has("maxLength") && value.length() > schema.get("maxLength").asInt()) {
      return "must be at most " + schema.get("maxLength").asInt() + " characters";
    }
    if (schema.has("pattern")) {
      Pattern p = PATTERNS.computeIfAbsent(schema.get("pattern").asString(), Pattern::compile);
      if (!p.matcher(value).find()) {
        return "must match " + p.pattern();
      }
    }
    return null;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    List<FieldProblem> problems = new ArrayList<>();
    var uri = request.getUriInfo();
    for (Map.Entry<String, List<String>> p : uri.getPathParameters(true).entrySet()) {
      p.getValue().forEach(v -> TextChecks.checkValue(p.getKey(), v, problems));
    }
    Map<String, JsonNode> defined =
        resource == null || resource.getResourceMethod() == null
            ? Map.of()
            : ContractSchemas.instance()
                .queryParameters(
                    StrictBodies.httpMethod(resource.getResourceMethod()),
                    StrictBodies.template(
                        resource.getResourceClass(), resource.getResourceMethod()));
    for (Map.Entry<String, List<String>> q : uri.getQueryParameters(true).entrySet()) {
      String name = q.getKey();
      String nameProblem = TextChecks.problem(name, false);
      if (nameProblem != null) {
        problems.add(new FieldProblem("query", "a parameter name " + nameProblem));
        continue;
      }
      for (String value : q.getValue()) {
        int before = problems.size();
        TextChecks.checkValue(name, value, problems);
        JsonNode schema = defined.get(name);
        if (problems.size() == before && schema != null) {
          String problem = againstSchema(value, schema);
          if (problem != null) {
            problems.add(new FieldProblem(name, problem));
          }
        }
      }
    }
    for (Map.Entry<String, List<String>> h : request.getHeaders().entrySet()) {
      if (VALUE_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        h.getValue().forEach(v -> TextChecks.checkValue(h.getKey(), v, problems));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
  }
}
