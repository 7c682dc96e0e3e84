package club.bloom.shared.api;

import club.bloom.shared.domain.FieldProblem;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds {@code application/problem+json} responses (RFC 9457). */
public final class Problems {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://bloom.club/problems/";

  private Problems() {}

  public static Response response(
      int status, String type, String title, String detail, List<FieldProblem> fields) {
    Response.ResponseBuilder response =
        Response.status(status).type(MEDIA_TYPE).entity(json(status, type, title, detail, fields));
    if (status == 401) {
      response.header("WWW-Authenticate", "Bearer");
    }
    return response.build();
  }

  public static String json(
      int status, String type, String title, String detail, List<FieldProblem> fields) {
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
    return body.build().toString();
  }
}
