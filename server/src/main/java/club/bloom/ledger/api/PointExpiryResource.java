package club.bloom.ledger.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.ledger.application.ExpiryRun;
import club.bloom.ledger.application.PointExpirySchedule;
import club.bloom.nightly.application.NightlyRunner;
import club.bloom.shared.api.Params;
import club.bloom.shared.api.ServerTiming;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The operator expires a club's due points now (it also runs every night). The run is recorded like
 * a scheduled one and counts as the club's run for its current night; while another one is under
 * way for the club the answer is 409 {@code nightly-run-in-progress}. The answer's {@code
 * Server-Timing} header gives the steps' durations.
 */
@Path("/platform/clubs/{club}/point-expiry")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class PointExpiryResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject NightlyRunner runner;
  @Inject PointExpirySchedule schedule;

  @POST
  public Response run(@PathParam("club") String club) {
    ExpiryRun run = runner.runNow(schedule, scope.clubFor(caller.get(), Params.slug("club", club)));
    return Response.ok(new ExpiryAnswer(run.points()))
        .header(
            "Server-Timing",
            ServerTiming.metric("due", run.dueTime(), run.due() + " members due")
                + ", "
                + ServerTiming.metric(
                    "expiry",
                    run.expiryTime(),
                    run.members() + " members in " + run.chunks() + " chunks"))
        .build();
  }

  /** The contract's {@code ExpiryRun}. */
  public record ExpiryAnswer(long pointsExpired) {}
}
