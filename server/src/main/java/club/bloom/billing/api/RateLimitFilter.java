package club.bloom.billing.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.domain.Caller;
import club.bloom.billing.application.RateLimiting;
import club.bloom.billing.domain.RateDecision;
import club.bloom.billing.domain.RateLimited;
import club.bloom.shared.api.ProblemMappers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Rate limits per tenant, after authentication: every request made with a tenant's API key or login
 * spends a token of the tenant's bucket (its plan's {@code apiRequestsPerSecond}); without one it
 * is answered 429 with {@code Retry-After}. Every such response carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} (ADR 0013). Anonymous and operator
 * requests have no tenant and are not limited here.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION + 100)
@ApplicationScoped
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
  static final String DECISION = RateLimitFilter.class.getName() + ".decision";

  @Inject CurrentCaller caller;
  @Inject RateLimiting rateLimiting;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<Caller> who = caller.find();
    if (who.isEmpty() || who.get().tenant().isEmpty()) {
      return;
    }
    Optional<RateDecision> decision = rateLimiting.admit(who.get().tenant().get());
    if (decision.isEmpty()) {
      return;
    }
    request.setProperty(DECISION, decision.get());
    if (!decision.get().admitted()) {
      request.abortWith(new ProblemMappers.Domain().toResponse(new RateLimited(decision.get())));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof RateDecision d) {
      MultivaluedMap<String, Object> headers = response.getHeaders();
      headers.putSingle("RateLimit-Limit", Long.toString(d.limit()));
      headers.putSingle("RateLimit-Remaining", Long.toString(d.remaining()));
      headers.putSingle("RateLimit-Reset", Long.toString(d.resetSeconds()));
    }
  }
}
