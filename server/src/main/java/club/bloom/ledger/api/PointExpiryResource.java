package club.bloom.ledger.api;

import club.bloom.access.domain.Roles;
import club.bloom.ledger.application.PointExpirySchedule;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The operator expires a club's due points now (it also runs hourly). */
@Path("/platform/clubs/{club}/point-expiry")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class PointExpiryResource {
  @Inject TenantRegistry tenants;
  @Inject PointExpirySchedule schedule;

  @POST
  public ExpiryRun run(@PathParam("club") String club) {
    return new ExpiryRun(schedule.runClub(find(club)));
  }

  @Transactional
  Tenant find(String club) {
    return tenants
        .find(TenantKind.CLUB, Params.slug("club", club))
        .filter(Tenant::isActive)
        .orElseThrow(() -> new NotFound("unknown-club", "Unknown club", "No club " + club));
  }

  /** The contract's {@code ExpiryRun}. */
  public record ExpiryRun(long pointsExpired) {}
}
