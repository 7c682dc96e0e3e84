package club.bloom.access.api;

import club.bloom.access.domain.InvalidCredential;
import club.bloom.access.infrastructure.BearerAuthenticationMechanism;
import club.bloom.shared.domain.BloomException;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers problem+json when the authentication mechanism refused the presented credential: 401, or
 * 403 {@code tenant-suspended} for a genuine credential of a suspended tenant.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class CredentialProblems implements ContainerRequestFilter {
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    Object refused = servletRequest.getAttribute(BearerAuthenticationMechanism.REFUSED);
    if (refused instanceof BloomException problem) {
      throw problem;
    }
    if (refused != null) {
      throw new InvalidCredential(refused.toString());
    }
  }
}
