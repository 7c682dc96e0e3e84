package club.bloom.billing.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.PartnerScope;
import club.bloom.access.domain.Roles;
import club.bloom.billing.api.BillingDtos.StatementDto;
import club.bloom.billing.application.UsageStatements;
import club.bloom.shared.api.Params;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The partner's monthly usage statements, as JSON or CSV, for its owner or admin, and for the
 * partner's API keys with {@code reports:read}: the twin of {@link ClubUsageStatementsResource}.
 */
@Path("/partners/{partner}/usage-statements")
@RequestScoped
@RolesAllowed({
  Roles.PARTNER_ADMIN,
  Roles.PARTNER_OWNER,
  Roles.PLATFORM_OPERATOR,
  Roles.REPORTS_READ
})
public class PartnerUsageStatementsResource {
  @Inject CurrentCaller caller;
  @Inject PartnerScope scope;
  @Inject UsageStatements statements;

  @GET
  @Path("/{month}")
  @Produces(MediaType.APPLICATION_JSON)
  public StatementDto get(@PathParam("partner") String partner, @PathParam("month") String month) {
    Tenant tenant = scope.partnerForReports(caller.get(), Params.slug("partner", partner));
    return StatementDto.of(tenant, statements.of(tenant, BillingDtos.month(month)));
  }

  @GET
  @Path("/{month}.csv")
  @Produces("text/csv")
  public Response csv(@PathParam("partner") String partner, @PathParam("month") String month) {
    Tenant tenant = scope.partnerForReports(caller.get(), Params.slug("partner", partner));
    return StatementCsv.response(tenant, statements.of(tenant, BillingDtos.month(month)));
  }
}
