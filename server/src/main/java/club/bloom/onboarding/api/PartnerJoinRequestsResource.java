package club.bloom.onboarding.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.PartnerScope;
import club.bloom.access.domain.Roles;
import club.bloom.onboarding.api.PartnershipDtos.AskDto;
import club.bloom.onboarding.api.PartnershipDtos.JoinRequestDto;
import club.bloom.onboarding.api.PartnershipDtos.JoinRequestPageDto;
import club.bloom.onboarding.application.JoinRequests;
import club.bloom.onboarding.application.JoinRequests.Ask;
import club.bloom.onboarding.application.JoinRequests.Page;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Slug;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** A partner asks to join clubs and follows its requests. */
@Path("/partners/{partner}/join-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PartnerJoinRequestsResource {
  @Inject CurrentCaller caller;
  @Inject PartnerScope scope;
  @Inject JoinRequests requests;

  @GET
  @RolesAllowed({
    Roles.PARTNER_OWNER,
    Roles.PARTNER_ADMIN,
    Roles.PARTNER_ANALYST,
    Roles.PLATFORM_OPERATOR
  })
  public JoinRequestPageDto list(
      @PathParam("partner") String partner,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Tenant tenant = scope.partnerForReading(caller.get(), Params.slug("partner", partner));
    Page page = requests.ofPartner(tenant, PartnershipDtos.after(cursor), Params.limit(limit));
    return new JoinRequestPageDto(
        page.items().stream().map(JoinRequestDto::of).toList(),
        PartnershipDtos.cursor(page.next()));
  }

  /** 201 with the pending request; a second one while it is pending is 409. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PARTNER_OWNER, Roles.PARTNER_ADMIN, Roles.PLATFORM_OPERATOR})
  public Response ask(@PathParam("partner") String partner, AskDto body) {
    Tenant tenant = scope.partnerFor(caller.get(), Params.slug("partner", partner));
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    Slug club = null;
    if (body.club() == null || !Slug.isValid(body.club())) {
      checks.fail("club", "must be the slug of a club");
    } else {
      club = new Slug(body.club());
    }
    List<String> categories = PartnershipDtos.categories(checks, body.categories(), true);
    Optional<String> message = PartnershipDtos.text(checks, "message", body.message(), 1000);
    checks.throwIfAny();
    return Response.status(201)
        .entity(
            JoinRequestDto.of(
                requests.ask(tenant, caller.get(), new Ask(club, categories, message))))
        .build();
  }
}
