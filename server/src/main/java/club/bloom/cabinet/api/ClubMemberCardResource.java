package club.bloom.cabinet.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.cabinet.application.MemberLookup;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * Club staff read one member's card. (Its own root path, more specific than membership's {@code
 * /clubs/{club}/members}, so the request is matched here.)
 */
@Path("/clubs/{club}/members/{member}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClubMemberCardResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject MemberLookup lookup;

  /**
   * One member as club staff see it: personal fields as the club's PD-access policy shows them to
   * the caller's role (an operator sees none).
   */
  @GET
  @RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER, Roles.CLUB_ANALYST, Roles.PLATFORM_OPERATOR})
  public MemberCardDto get(@PathParam("club") String clubSlug, @PathParam("member") String member) {
    Tenant club = scope.clubForReading(caller.get(), Params.slug("club", clubSlug));
    UUID memberId;
    try {
      memberId = UUID.fromString(member);
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of("member", "is not a member id");
    }
    return MemberCardDto.of(lookup.byId(club, caller.get(), memberId));
  }
}
