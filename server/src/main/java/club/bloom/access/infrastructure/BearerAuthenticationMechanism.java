package club.bloom.access.infrastructure;

import club.bloom.access.application.CallerAuthentication;
import club.bloom.access.domain.Caller;
import club.bloom.shared.domain.BloomException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The edge: resolves the caller once per request from {@code Authorization: Bearer …} (API key or
 * JWT) and hands it to the container with its roles/scopes as groups, so resources use standard
 * {@code @RolesAllowed}. No header → anonymous (public endpoints still work). A bad credential ends
 * the request with 401 problem+json.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {
  private static final Logger LOG = Logger.getLogger(BearerAuthenticationMechanism.class.getName());

  @Inject CallerAuthentication authentication;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      return context.doNothing();
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      return unauthorized(response, "The Authorization header must be 'Bearer <credential>'");
    }
    try {
      Caller caller =
          authentication.authenticate(header.substring(7).strip(), request.getRemoteAddr());
      return context.notifyContainerAboutLogin(new CallerPrincipal(caller), caller.roles());
    } catch (BloomException e) {
      return unauthorized(response, e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "authentication failed", e);
      return unauthorized(response, "The credential could not be verified");
    }
  }

  private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
    try {
      byte[] body =
          Json.createObjectBuilder()
              .add("type", "https://bloom.club/problems/invalid-credential")
              .add("title", "Invalid credential")
              .add("status", 401)
              .add("detail", detail)
              .build()
              .toString()
              .getBytes(StandardCharsets.UTF_8);
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", "Bearer");
      response.setContentType("application/problem+json");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      response.flushBuffer();
    } catch (IOException e) {
      LOG.log(Level.FINE, "could not write the 401 body", e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
