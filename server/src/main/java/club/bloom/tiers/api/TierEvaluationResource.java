package club.bloom.tiers.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.nightly.application.NightlyRunner;
import club.bloom.shared.api.Params;
import club.bloom.shared.api.ServerTiming;
import club.bloom.tiers.application.TierEvaluationRun;
import club.bloom.tiers.application.TierReevaluationSchedule;
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
 * The operator runs a club's tier re-evaluation now (it also runs every night). The run is recorded
 * like a scheduled one and counts as the club's run for its current night; while another one is
 * under way for the club the answer is 409 {@code nightly-run-in-progress}. The answer counts
 * members by outcome; its {@code Server-Timing} header gives the steps' durations.
 */
@Path("/platform/clubs/{club}/tier-evaluation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class TierEvaluationResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject NightlyRunner runner;
  @Inject TierReevaluationSchedule schedule;

  @POST
  public Response run(@PathParam("club") String club) {
    TierEvaluationRun run =
        runner.runNow(schedule, scope.clubFor(caller.get(), Params.slug("club", club)));
    return Response.ok(run.outcomes())
        .header(
            "Server-Timing",
            ServerTiming.metric(
                    "standings", run.standingsTime(), run.standings() + " members ranked")
                + ", "
                + ServerTiming.metric(
                    "decisions",
                    run.decisionsTime(),
                    run.members()
                        + " members in "
                        + run.chunks()
                        + " chunks, "
                        + run.written()
                        + " written; reading "
                        + run.readTime().toMillis()
                        + " ms, writing "
                        + run.writeTime().toMillis()
                        + " ms"))
        .build();
  }
}
