package club.bloom.onboarding.api;

import club.bloom.access.domain.Roles;
import club.bloom.onboarding.api.SignUpsResource.ProgressDto;
import club.bloom.onboarding.application.SignUpProvisioning;
import club.bloom.onboarding.domain.SignUpStatus;
import club.bloom.onboarding.domain.SignUps;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The operator's view of sign-ups: their provisioning state, and resuming one at once. */
@Path("/platform/signups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class PlatformSignUpsResource {
  @Inject SignUps signUps;
  @Inject SignUpProvisioning provisioning;

  @GET
  @Transactional
  public List<ProgressDto> list(
      @QueryParam("status") String status, @QueryParam("limit") Integer limit) {
    Optional<SignUpStatus> wanted = Optional.empty();
    if (status != null) {
      try {
        wanted =
            Optional.of(SignUpStatus.valueOf(status.toUpperCase(Locale.ROOT).replace('-', '_')));
      } catch (IllegalArgumentException e) {
        throw InvalidInput.of(
            "status", "must be awaiting-verification, provisioning, ready or expired");
      }
    }
    return signUps.latest(wanted, Params.limit(limit)).stream().map(ProgressDto::of).toList();
  }

  /** Runs the sign-up's remaining steps now (after an outage, say) and answers where it got. */
  @POST
  @Path("/{id}/resume")
  public ProgressDto resume(@PathParam("id") String id) {
    UUID signUp;
    try {
      signUp = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of("id", "must be a sign-up id (UUID)");
    }
    provisioning.run(signUp);
    return ProgressDto.of(
        signUps
            .find(signUp)
            .orElseThrow(
                () -> new NotFound("unknown-signup", "Unknown sign-up", "No sign-up " + id)));
  }
}
