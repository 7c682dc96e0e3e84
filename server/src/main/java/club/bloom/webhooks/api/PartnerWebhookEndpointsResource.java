package club.bloom.webhooks.api;

import club.bloom.access.application.PartnerScope;
import club.bloom.access.domain.Roles;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The partner's webhook endpoints, for its owners and admins (or an operator). */
@Path("/partners/{partner}/webhook-endpoints")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARTNER_OWNER, Roles.PARTNER_ADMIN, Roles.PLATFORM_OPERATOR})
public class PartnerWebhookEndpointsResource extends WebhookEndpointsResource {
  @Inject PartnerScope scope;

  @Override
  protected Tenant tenant() {
    return scope.partnerFor(caller.get(), slug("partner", pathParameter("partner")));
  }
}
