package club.bloom.access.api;

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
 * answers with problem+json: 401 without a credential, 403 without one of the roles or scopes.
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
        throw new AccessDenied("Requires one of: " + String.join(", ", roles));
      }
    }
  }
}
