package club.bloom.onboarding.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.onboarding.api.PartnershipDtos.CategoriesDto;
import club.bloom.onboarding.api.PartnershipDtos.PartnershipDetailsDto;
import club.bloom.onboarding.application.ClubPartners;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The club's partners: listed (with categories and since when), categories changed, partnerships
 * ended. The list is bounded by the plan's {@code partnersPerClub}, hence not paged.
 */
@Path("/clubs/{club}/partners")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClubPartnersResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject ClubPartners partners;

  @GET
  @RolesAllowed({Roles.CLUB_OWNER, Roles.CLUB_ADMIN, Roles.CLUB_ANALYST, Roles.PLATFORM_OPERATOR})
  public List<PartnershipDetailsDto> list(@PathParam("club") String club) {
    Tenant tenant = scope.clubForReading(caller.get(), Params.slug("club", club));
    return partners.ofClub(tenant).stream().map(PartnershipDetailsDto::of).toList();
  }

  /** Replaces the categories an active partner may report; purchases are checked against them. */
  @PUT
  @Path("/{partner}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CLUB_OWNER, Roles.CLUB_ADMIN, Roles.PLATFORM_OPERATOR})
  public PartnershipDetailsDto change(
      @PathParam("club") String club, @PathParam("partner") String partner, CategoriesDto body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    List<String> categories = PartnershipDtos.categories(checks, body.categories(), false);
    checks.throwIfAny();
    return PartnershipDetailsDto.of(
        partners.changeCategories(tenant, Params.slug("partner", partner), categories));
  }

  /**
   * Ends the partnership: the partner's purchases and point payments are refused from now on; its
   * history stays. Ending twice changes nothing. The partner may join again later.
   */
  @POST
  @Path("/{partner}/end")
  @RolesAllowed({Roles.CLUB_OWNER, Roles.CLUB_ADMIN, Roles.PLATFORM_OPERATOR})
  public PartnershipDetailsDto end(
      @PathParam("club") String club, @PathParam("partner") String partner) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    return PartnershipDetailsDto.of(partners.end(tenant, Params.slug("partner", partner)));
  }
}
