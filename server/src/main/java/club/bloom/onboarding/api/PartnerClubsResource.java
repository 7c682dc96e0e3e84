package club.bloom.onboarding.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.PartnerScope;
import club.bloom.access.domain.Roles;
import club.bloom.onboarding.api.PartnershipDtos.PartnershipDetailsDto;
import club.bloom.onboarding.api.PartnershipDtos.RedemptionDto;
import club.bloom.onboarding.application.ClubPartners;
import club.bloom.onboarding.application.PartnerInvitations;
import club.bloom.onboarding.application.PartnerInvitations.Redeemed;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A partner's clubs: listed, and joined by redeeming a club's invitation code. */
@Path("/partners/{partner}/clubs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PartnerClubsResource {
  @Inject CurrentCaller caller;
  @Inject PartnerScope scope;
  @Inject ClubPartners partners;
  @Inject PartnerInvitations invitations;

  /**
   * The cashier reads them too: the web terminal offers only the categories the partner may report
   * in the member's club (ADR 0043).
   */
  @GET
  @RolesAllowed({
    Roles.PARTNER_OWNER,
    Roles.PARTNER_ADMIN,
    Roles.PARTNER_ANALYST,
    Roles.CASHIER,
    Roles.PLATFORM_OPERATOR
  })
  public List<PartnershipDetailsDto> list(@PathParam("partner") String partner) {
    Tenant tenant = scope.partnerForCounter(caller.get(), Params.slug("partner", partner));
    return partners.ofPartner(tenant).stream().map(PartnershipDetailsDto::of).toList();
  }

  /**
   * 201 when the code made the partnership, 200 when this partner had redeemed it already (a
   * retry), so the call needs no Idempotency-Key.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PARTNER_OWNER, Roles.PARTNER_ADMIN, Roles.PLATFORM_OPERATOR})
  public Response redeem(@PathParam("partner") String partner, RedemptionDto body) {
    Tenant tenant = scope.partnerFor(caller.get(), Params.slug("partner", partner));
    if (body == null || body.code() == null || body.code().isBlank()) {
      throw InvalidInput.of("code", "is required");
    }
    if (body.code().length() > 40) {
      throw InvalidInput.of("code", "is not an invitation code");
    }
    Redeemed redeemed = invitations.redeem(tenant, body.code());
    return Response.status(redeemed.created() ? 201 : 200)
        .entity(PartnershipDetailsDto.of(redeemed.partnership(), redeemed.club(), tenant))
        .build();
  }
}
