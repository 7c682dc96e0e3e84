package club.bloom.membership.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.domain.Roles;
import club.bloom.membership.application.OnlineJoining;
import club.bloom.membership.application.OnlineJoining.JoinOnline;
import club.bloom.membership.application.OnlineJoining.Joined;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.domain.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;

/**
 * Joining the club online: the signed-in login (registered in the club's realm, address verified)
 * becomes a member (issue 12, ADR 0027). Joining again answers the login's member; hence no
 * Idempotency-Key. (Its own root path: {@code /me} belongs to another root resource.)
 */
@Path("/me/membership")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class MyMembershipResource {
  @Inject CurrentCaller caller;
  @Inject OnlineJoining joining;

  @POST
  public Response join(JoinDto body) {
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    checks.required("phone", body.phone(), 32);
    if (body.termsVersion() != null && body.termsVersion() < 1) {
      checks.fail("termsVersion", "must be at least 1");
    }
    if (body.marketingVersion() != null && body.marketingVersion() < 1) {
      checks.fail("marketingVersion", "must be at least 1");
    }
    checks.throwIfAny();
    Joined joined =
        joining.join(
            caller.get(),
            new JoinOnline(
                body.phone(),
                Optional.ofNullable(body.termsVersion()),
                Optional.ofNullable(body.marketingVersion())));
    int status =
        switch (joined.outcome()) {
          case "joined" -> 201;
          case "claim-link-sent" -> 202;
          default -> 200;
        };
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setPrivate(true);
    return Response.status(status)
        .entity(
            new JoinedDto(
                joined.outcome(),
                joined.club().slug().value(),
                joined.memberId().orElse(null),
                joined.passportCode().orElse(null),
                joined.sentTo().orElse(null)))
        .cacheControl(noStore)
        .build();
  }

  /** The contract's {@code JoinRequestOnline}. */
  public record JoinDto(String phone, Integer termsVersion, Integer marketingVersion) {}

  /** The contract's {@code OnlineMembership}. */
  public record JoinedDto(
      String outcome, String club, UUID memberId, String passportCode, String sentTo) {}
}
