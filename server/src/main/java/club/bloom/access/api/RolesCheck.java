package club.bloom.access.api;

import club.bloom.access.domain.EmailNotVerified;
import club.bloom.access.infrastructure.CallerPrincipal;
import club.bloom.shared.domain.AccessDenied;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Enforces {@code @RolesAllowed} on resource methods through the container's security context and
 * answers with problem+json: 401 without a credential, 403 without one of the roles or scopes (403
 * {@code email-not-verified} for a login whose address is not verified, which holds none).
 */
@Provider
public class RolesCheck implements DynamicFeature {
  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    if (allowed != null) {
      context.register(new Filter(List.copyOf(Arrays.asList(allowed.value()))));
    }
  }

  private static boolean unverifiedLogin(java.security.Principal principal) {
    if (principal instanceof CallerPrincipal caller) {
      return caller.caller().isUnverifiedLogin();
    }
    // The container may wrap the principal: ask the request's caller.
    return jakarta
        .enterprise
        .inject
        .spi
        .CDI
        .current()
        .select(CurrentCaller.class)
        .get()
        .find()
        .map(c -> c.isUnverifiedLogin())
        .orElse(false);
  }

  @Priority(Priorities.AUTHORIZATION)
  private static final class Filter implements ContainerRequestFilter {
    private final List<String> roles;

    Filter(List<String> roles) {
      this.roles = roles;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      var security = request.getSecurityContext();
      if (security.getUserPrincipal() == null) {
        throw new CurrentCaller.Unauthenticated();
      }
      if (roles.stream().noneMatch(security::isUserInRole)) {
        // A login whose address is not verified holds no role at all: say so, not "forbidden".
        if (unverifiedLogin(security.getUserPrincipal())) {
          throw new EmailNotVerified();
        }
        throw new AccessDenied("Requires one of: " + String.join(", ", roles));
      }
    }
  }
}
