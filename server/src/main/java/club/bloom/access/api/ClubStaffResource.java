package club.bloom.access.api;

import club.bloom.access.api.StaffDtos.InvitationDto;
import club.bloom.access.api.StaffDtos.RoleChangeDto;
import club.bloom.access.api.StaffDtos.StaffMemberDto;
import club.bloom.access.application.StaffManagement;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.shared.api.Params;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The club's staff (owners, admins, analysts), managed by its owners and admins or an operator.
 * Another club's staff: 404.
 */
@Path("/clubs/{club}/staff")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_OWNER, Roles.CLUB_ADMIN, Roles.PLATFORM_OPERATOR})
public class ClubStaffResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject StaffManagement staff;

  @GET
  public List<StaffMemberDto> list(@PathParam("club") String club) {
    return staff.list(club(club)).stream().map(StaffMemberDto::of).toList();
  }

  @POST
  public Response invite(@PathParam("club") String club, InvitationDto body) {
    Tenant tenant = club(club);
    InvitationDto invitation = InvitationDto.checked(body);
    return Response.status(201)
        .entity(
            StaffMemberDto.of(
                staff.invite(tenant, caller.get(), invitation.email(), invitation.role())))
        .build();
  }

  @PUT
  @Path("/{id}")
  public StaffMemberDto changeRole(
      @PathParam("club") String club, @PathParam("id") String id, RoleChangeDto body) {
    Tenant tenant = club(club);
    return StaffMemberDto.of(staff.changeRole(tenant, caller.get(), id, RoleChangeDto.role(body)));
  }

  @DELETE
  @Path("/{id}")
  public Response remove(@PathParam("club") String club, @PathParam("id") String id) {
    staff.remove(club(club), caller.get(), id);
    return Response.noContent().build();
  }

  private Tenant club(String slug) {
    return scope.clubFor(caller.get(), Params.slug("club", slug));
  }
}
