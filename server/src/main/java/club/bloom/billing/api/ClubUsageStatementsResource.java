package club.bloom.billing.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
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
 * The club's monthly usage statements, as JSON or as a CSV download, for its owner or admin, and
 * for the club's API keys with {@code reports:read}.
 */
@Path("/clubs/{club}/usage-statements")
@RequestScoped
@RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER, Roles.PLATFORM_OPERATOR, Roles.REPORTS_READ})
public class ClubUsageStatementsResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject UsageStatements statements;

  @GET
  @Path("/{month}")
  @Produces(MediaType.APPLICATION_JSON)
  public StatementDto get(@PathParam("club") String club, @PathParam("month") String month) {
    Tenant tenant = scope.clubForReports(caller.get(), Params.slug("club", club));
    return StatementDto.of(tenant, statements.of(tenant, BillingDtos.month(month)));
  }

  @GET
  @Path("/{month}.csv")
  @Produces("text/csv")
  public Response csv(@PathParam("club") String club, @PathParam("month") String month) {
    Tenant tenant = scope.clubForReports(caller.get(), Params.slug("club", club));
    return StatementCsv.response(tenant, statements.of(tenant, BillingDtos.month(month)));
  }
}
