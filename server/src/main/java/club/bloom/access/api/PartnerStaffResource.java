package club.bloom.access.api;

import club.bloom.access.api.StaffDtos.InvitationDto;
import club.bloom.access.api.StaffDtos.RoleChangeDto;
import club.bloom.access.api.StaffDtos.StaffMemberDto;
import club.bloom.access.application.PartnerScope;
import club.bloom.access.application.StaffManagement;
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
 * The partner's staff (owners, admins, cashiers, analysts) in the platform realm, members of its
 * organization, managed by its owners and admins or an operator. Another partner's staff: 404.
 */
@Path("/partners/{partner}/staff")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARTNER_OWNER, Roles.PARTNER_ADMIN, Roles.PLATFORM_OPERATOR})
public class PartnerStaffResource {
  @Inject CurrentCaller caller;
  @Inject PartnerScope scope;
  @Inject StaffManagement staff;

  @GET
  public List<StaffMemberDto> list(@PathParam("partner") String partner) {
    return staff.list(partner(partner)).stream().map(StaffMemberDto::of).toList();
  }

  @POST
  public Response invite(@PathParam("partner") String partner, InvitationDto body) {
    Tenant tenant = partner(partner);
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
      @PathParam("partner") String partner, @PathParam("id") String id, RoleChangeDto body) {
    Tenant tenant = partner(partner);
    return StaffMemberDto.of(staff.changeRole(tenant, caller.get(), id, RoleChangeDto.role(body)));
  }

  @DELETE
  @Path("/{id}")
  public Response remove(@PathParam("partner") String partner, @PathParam("id") String id) {
    staff.remove(partner(partner), caller.get(), id);
    return Response.noContent().build();
  }

  private Tenant partner(String slug) {
    return scope.partnerFor(caller.get(), Params.slug("partner", slug));
  }
}
