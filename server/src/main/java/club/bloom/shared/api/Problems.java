package club.bloom.shared.api;

import club.bloom.shared.domain.FieldProblem;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds {@code application/problem+json} responses (RFC 9457). */
public final class Problems {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://bloom.club/problems/";
  private static final Set<String> STANDARD =
      Set.of("type", "title", "status", "detail", "instance", "errors");

  private Problems() {}

  public static Response response(
      int status, String type, String title, String detail, List<FieldProblem> fields) {
    return response(status, type, title, detail, fields, Map.of());
  }

  public static Response response(
      int status,
      String type,
      String title,
      String detail,
      List<FieldProblem> fields,
      Map<String, Object> extensions) {
    Response.ResponseBuilder response =
        Response.status(status)
            .type(MEDIA_TYPE)
            .entity(json(status, type, title, detail, fields, extensions));
    if (status == 401) {
      response.header("WWW-Authenticate", "Bearer");
    }
    return response.build();
  }

  public static String json(
      int status, String type, String title, String detail, List<FieldProblem> fields) {
    return json(status, type, title, detail, fields, Map.of());
  }

  public static String json(
      int status,
      String type,
      String title,
      String detail,
      List<FieldProblem> fields,
      Map<String, Object> extensions) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("type", TYPE_BASE + type)
            .add("title", title)
            .add("status", status);
    if (detail != null) {
      body.add("detail", detail);
    }
    if (!fields.isEmpty()) {
      JsonArrayBuilder errors = Json.createArrayBuilder();
      fields.forEach(
          f ->
              errors.add(
                  Json.createObjectBuilder().add("field", f.field()).add("reason", f.reason())));
      body.add("errors", errors);
    }
    // Extension members never replace the standard ones.
    new TreeMap<>(extensions)
        .forEach(
            (name, value) -> {
              if (STANDARD.contains(name) || value == null) {
                return;
              }
              if (value instanceof Number n && !(n instanceof Double || n instanceof Float)) {
                body.add(name, n.longValue());
              } else if (value instanceof Boolean b) {
                body.add(name, b);
              } else {
                body.add(name, value.toString());
              }
            });
    return body.build().toString();
  }
}
