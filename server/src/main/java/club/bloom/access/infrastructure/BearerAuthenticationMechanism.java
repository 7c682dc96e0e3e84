package club.bloom.access.infrastructure;

import club.bloom.access.application.CallerAuthentication;
import club.bloom.access.domain.Caller;
import club.bloom.shared.domain.BloomException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The edge: resolves the caller once per request from {@code Authorization: Bearer …} (API key or
 * JWT) and hands it to the container with its roles/scopes as groups, so resources use standard
 * {@code @RolesAllowed}. No header → anonymous (public endpoints still work). A bad credential is
 * recorded on the request and answered by {@link club.bloom.access.api.CredentialProblems} with a
 * 401 problem+json: writing the answer here breaks under an HTTP/2 (h2c) upgrade, where Liberty
 * sent the body with status 200.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {
  /**
   * Request attribute holding why the presented credential was refused: the {@link BloomException}
   * to answer with, or a text for a 401.
   */
  public static final String REFUSED = "club.bloom.access.refused";

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
      return refuse(request, context, "The Authorization header must be 'Bearer <credential>'");
    }
    try {
      Caller caller =
          authentication.authenticate(header.substring(7).strip(), request.getRemoteAddr());
      return context.notifyContainerAboutLogin(new CallerPrincipal(caller), caller.roles());
    } catch (BloomException e) {
      request.setAttribute(REFUSED, e);
      return context.doNothing();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "authentication failed", e);
      return refuse(request, context, "The credential could not be verified");
    }
  }

  private static AuthenticationStatus refuse(
      HttpServletRequest request, HttpMessageContext context, String detail) {
    request.setAttribute(REFUSED, detail);
    return context.doNothing();
  }
}
