package club.bloom.shared.api;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.FieldProblem;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves the API as problem+json; nothing internal (SQL, stack traces) leaks. */
public final class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  static int status(BloomException e) {
    return switch (e.kind()) {
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case UNPROCESSABLE -> 422;
      case QUOTA_EXCEEDED -> 402;
      case RATE_LIMITED -> 429;
      case GONE -> 410;
      case PRECONDITION_FAILED -> 412;
      case PAYLOAD_TOO_LARGE -> 413;
    };
  }

  /** Domain exceptions. */
  @Provider
  public static class Domain implements ExceptionMapper<BloomException> {
    @Override
    public Response toResponse(BloomException e) {
      Response.ResponseBuilder response =
          Response.fromResponse(
              Problems.response(
                  status(e), e.type(), e.title(), e.getMessage(), e.fields(), e.extensions()));
      e.headers().forEach(response::header);
      return response.build();
    }
  }

  /** JAX-RS exceptions: unknown paths, wrong methods, malformed bodies. */
  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (e instanceof NotFoundException) {
        return Problems.response(404, "not-found", "Not found", "No such resource", List.of());
      }
      if (e instanceof NotAllowedException) {
        Response.ResponseBuilder answer =
            Response.fromResponse(
                Problems.response(
                    405,
                    "method-not-allowed",
                    "Method not allowed",
                    "This path does not take this method; the Allow header lists those it takes.",
                    List.of()));
        String allow = e.getResponse().getHeaderString("Allow");
        if (allow != null) {
          answer.header("Allow", allow);
        }
        return answer.build();
      }
      if (status == 400 || isJsonProblem(e)) {
        return malformedBody();
      }
      // The runtime's message carries its own ids (RESTEASY…): never passed on.
      return Problems.response(status, "http-" + status, reason(status), reason(status), List.of());
    }

    private static boolean isJsonProblem(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof JsonbException || t instanceof jakarta.json.JsonException) {
          return true;
        }
      }
      return false;
    }
  }

  /** Body that is not JSON of the expected shape. */
  @Provider
  public static class Json implements ExceptionMapper<JsonbException> {
    @Override
    public Response toResponse(JsonbException e) {
      return malformedBody();
    }
  }

  /** Body reading failures surfaced as processing exceptions. */
  @Provider
  public static class Processing implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      return malformedBody();
    }
  }

  /** Anything else: 500 with a reference to the log line, never the cause's text. */
  @Provider
  public static class Unexpected implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
      if (e instanceof BloomException bloom) {
        return new Domain().toResponse(bloom);
      }
      if (e instanceof WebApplicationException web) {
        return new Web().toResponse(web);
      }
      String reference = UUID.randomUUID().toString();
      if (isUniqueViolation(e)) {
        // Two requests passed the same check at once; the database kept one (a unique key, or a
        // check such as "refunded at most the receipt"). Nothing of the refused one was written
        // (its transaction rolled back); repeating it shows the winner.
        LOG.log(Level.INFO, "concurrent conflict " + reference, e);
        return Problems.response(
            409,
            "concurrent-conflict",
            "Conflicting concurrent request",
            "Another request created the same thing at the same moment; nothing of this one was"
                + " saved. Repeat it to see the current state (reference "
                + reference
                + ").",
            List.of());
      }
      LOG.log(Level.SEVERE, "unexpected error " + reference, e);
      return Problems.response(
          500,
          "internal",
          "Internal error",
          "Something went wrong on our side; reference " + reference,
          List.of());
    }
  }

  /**
   * PostgreSQL's unique_violation or check_violation, anywhere in the cause chain (JPA and JTA wrap
   * it): the database refused what a concurrent request made impossible.
   */
  static boolean isUniqueViolation(Throwable e) {
    java.util.Set<Throwable> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql) {
        for (java.sql.SQLException next = sql; next != null; next = next.getNextException()) {
          if (UNIQUE_VIOLATION.equals(next.getSQLState())
              || CHECK_VIOLATION.equals(next.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String CHECK_VIOLATION = "23514";

  static Response malformedBody() {
    return Problems.response(
        400,
        "malformed-body",
        "The request body is not valid JSON of the expected shape",
        "The body could not be read",
        List.of(new FieldProblem("body", "not valid JSON of the expected shape")));
  }

  private static String reason(int status) {
    Response.Status s = Response.Status.fromStatusCode(status);
    return s == null ? "HTTP " + status : s.getReasonPhrase();
  }
}
