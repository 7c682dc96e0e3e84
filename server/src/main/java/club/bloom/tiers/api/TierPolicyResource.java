package club.bloom.tiers.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tiers.domain.MemberStandings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;

/** Club staff read and set the grace period before a downgrade. */
@Path("/clubs/{club}/tier-policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER, Roles.PLATFORM_OPERATOR})
public class TierPolicyResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject MemberStandings standings;

  @GET
  @Transactional
  public TierPolicyDto policy(@PathParam("club") String club) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    return new TierPolicyDto((int) standings.gracePeriod(tenant.schema()).toDays());
  }

  @PUT
  @Transactional
  public TierPolicyDto policy(@PathParam("club") String club, TierPolicyDto body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    if (body == null
        || body.graceDays() == null
        || body.graceDays() < 0
        || body.graceDays() > 365) {
      throw InvalidInput.of("graceDays", "must be between 0 and 365");
    }
    standings.setGracePeriod(tenant.schema(), Duration.ofDays(body.graceDays()));
    return body;
  }

  /** The contract's {@code TierPolicy}. */
  public record TierPolicyDto(Integer graceDays) {}
}
