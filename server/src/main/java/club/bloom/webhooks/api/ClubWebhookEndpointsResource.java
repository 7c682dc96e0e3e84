package club.bloom.webhooks.api;

import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The club's webhook endpoints, for its owner and admins (or an operator). */
@Path("/clubs/{club}/webhook-endpoints")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_OWNER, Roles.CLUB_ADMIN, Roles.PLATFORM_OPERATOR})
public class ClubWebhookEndpointsResource extends WebhookEndpointsResource {
  @Inject StaffScope scope;

  @Override
  protected Tenant tenant() {
    return scope.clubFor(caller.get(), slug("club", pathParameter("club")));
  }
}
