package club.bloom.tiers.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tiers.application.TierAssignment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Club staff set a member's tier by hand, with an end date. (Its own root path: a request under
 * {@code /clubs/{club}/members} is matched to the most specific root resource, without
 * backtracking.)
 */
@Path("/clubs/{club}/members/{member}/tier")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER, Roles.PLATFORM_OPERATOR})
public class MemberTierResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject TierAssignment assignment;

  @PUT
  public ManualTierDto assign(
      @PathParam("club") String club, @PathParam("member") String member, ManualTierDto body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    UUID memberId;
    try {
      memberId = UUID.fromString(member);
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of("member", "is not a member id");
    }
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    String tier = checks.required("tier", body.tier(), 32);
    OffsetDateTime until = checks.dateTime("until", body.until());
    checks.throwIfAny();
    var assigned = assignment.assign(tenant, memberId, tier, until.toInstant());
    return new ManualTierDto(
        assigned.tier().orElse(tier), assigned.manualUntil().map(Object::toString).orElse(null));
  }

  /** The contract's {@code ManualTier}. */
  public record ManualTierDto(String tier, String until) {}
}
