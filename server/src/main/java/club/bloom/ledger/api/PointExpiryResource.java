package club.bloom.ledger.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.ledger.application.PointExpirySchedule;
import club.bloom.shared.api.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject PointExpirySchedule schedule;

  @POST
  public ExpiryRun run(@PathParam("club") String club) {
    return new ExpiryRun(schedule.runClub(scope.clubFor(caller.get(), Params.slug("club", club))));
  }

  /** The contract's {@code ExpiryRun}. */
  public record ExpiryRun(long pointsExpired) {}
}
