package club.bloom.shared.api;

import club.bloom.shared.domain.FieldProblem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of the web container (web.xml), for errors raised before or outside JAX-RS: under
 * {@code /api/v1} the answer is problem+json like every other error of the API (no HTML, no
 * container message ids); elsewhere (the portal's static files) a short plain text. An exception is
 * logged with a reference, never shown.
 */
@WebServlet(name = "bloom-error-page", urlPatterns = ErrorPages.PATH)
public class ErrorPages extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/bloom-error";
  private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i && i >= 400 ? i : 500;
    Object uriAttribute = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = uriAttribute == null ? "" : uriAttribute.toString();
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (failure instanceof BodyLimits.TooLarge tooLarge) {
      HttpEdge.tooLarge(response, tooLarge.limit());
      return;
    }
    String reference = null;
    if (status >= 500) {
      reference = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "unexpected error " + reference + " (status " + status + ")", failure);
    }
    response.resetBuffer();
    boolean api = uri.equals(HttpEdge.API) || uri.startsWith(HttpEdge.API + "/");
    // The container's own refusals never passed the edge filter: its headers are set here.
    HttpEdge.securityHeaders(request, response, api, HttpEdge.API_POLICY);
    response.setHeader("Cache-Control", "no-store");
    // The container marks its error answers; the mark says nothing to a client.
    response.setHeader("$WSEP", null);
    if (api) {
      HttpEdge.problem(
          response,
          status,
          type(status),
          title(status),
          detail(status, reference),
          status == 400 ? List.of(new FieldProblem("request", "is malformed")) : List.of());
      return;
    }
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    byte[] body =
        (title(status) + (reference == null ? "" : " (reference " + reference + ")") + "\n")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static String type(int status) {
    return switch (status) {
      case 400 -> "malformed-request";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 413 -> "body-too-large";
      case 414 -> "uri-too-long";
      case 415 -> "unsupported-media-type";
      case 500 -> "internal";
      default -> "http-" + status;
    };
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "The request is malformed";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "The request body is too large";
      case 414 -> "The request URI is too long";
      case 415 -> "Unsupported media type";
      case 500 -> "Internal error";
      case 503 -> "Service unavailable";
      default -> "HTTP " + status;
    };
  }

  static String detail(int status, String reference) {
    return switch (status) {
      case 400 ->
          "The request could not be read (its path, headers or body are not valid HTTP for this"
              + " API).";
      case 404 -> "No such resource";
      case 500 -> "Something went wrong on our side; reference " + reference;
      default -> reference == null ? null : "Reference " + reference;
    };
  }
}
