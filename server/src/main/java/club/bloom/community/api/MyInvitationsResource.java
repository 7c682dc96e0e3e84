package club.bloom.community.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.domain.Roles;
import club.bloom.community.application.InnerCircleInvitations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The signed-in member's invitations, to accept or decline. (Its own root path: {@code /me} is
 * another root resource's, and JAX-RS does not backtrack between root resources.)
 */
@Path("/me/invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class MyInvitationsResource {
  @Inject CurrentCaller caller;
  @Inject InnerCircleInvitations invitations;

  @GET
  public MyInvitationsDto list() {
    return new MyInvitationsDto(
        invitations.mine(caller.get()).stream().map(InvitationDto::of).toList());
  }

  /** Accepting again changes nothing. */
  @POST
  @Path("/{invitation}/accept")
  public InvitationDto accept(@PathParam("invitation") String invitation) {
    return InvitationDto.of(
        invitations.accept(caller.get(), ClubInvitationsResource.invitationId(invitation)));
  }

  /** Declining again changes nothing. */
  @POST
  @Path("/{invitation}/decline")
  public InvitationDto decline(@PathParam("invitation") String invitation) {
    return InvitationDto.of(
        invitations.decline(caller.get(), ClubInvitationsResource.invitationId(invitation)));
  }

  /** The contract's {@code MemberInvitations}. */
  public record MyInvitationsDto(List<InvitationDto> items) {}
}
