package club.bloom.tiers.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.shared.api.Params;
import club.bloom.tiers.application.TierReevaluationSchedule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The operator runs a club's tier re-evaluation now (it also runs on a schedule). */
@Path("/platform/clubs/{club}/tier-evaluation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class TierEvaluationResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject TierReevaluationSchedule schedule;

  @POST
  public Map<String, Integer> run(@PathParam("club") String club) {
    return schedule.runClub(scope.clubFor(caller.get(), Params.slug("club", club)));
  }
}
