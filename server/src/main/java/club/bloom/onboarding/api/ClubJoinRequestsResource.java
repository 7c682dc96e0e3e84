package club.bloom.onboarding.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.onboarding.api.PartnershipDtos.ApprovalDto;
import club.bloom.onboarding.api.PartnershipDtos.DeclineDto;
import club.bloom.onboarding.api.PartnershipDtos.JoinRequestDto;
import club.bloom.onboarding.api.PartnershipDtos.JoinRequestPageDto;
import club.bloom.onboarding.application.JoinRequests;
import club.bloom.onboarding.application.JoinRequests.Page;
import club.bloom.onboarding.domain.JoinRequestStatus;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The club's owner or admin lists partners' requests to join and approves or declines them. */
@Path("/clubs/{club}/join-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_OWNER, Roles.CLUB_ADMIN, Roles.PLATFORM_OPERATOR})
public class ClubJoinRequestsResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject JoinRequests requests;

  @GET
  public JoinRequestPageDto list(
      @PathParam("club") String club,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    Optional<JoinRequestStatus> wanted = Optional.empty();
    if (status != null) {
      try {
        wanted = Optional.of(JoinRequestStatus.valueOf(status.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw InvalidInput.of("status", "must be pending, approved or declined");
      }
    }
    Page page = requests.ofClub(tenant, wanted, PartnershipDtos.after(cursor), Params.limit(limit));
    return new JoinRequestPageDto(
        page.items().stream().map(JoinRequestDto::of).toList(),
        PartnershipDtos.cursor(page.next()));
  }

  /**
   * Approves with the categories the club allows (the requested ones when the body names none); the
   * partner joins at once. Approving twice changes nothing.
   */
  @POST
  @Path("/{request}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  public JoinRequestDto approve(
      @PathParam("club") String club, @PathParam("request") String request, ApprovalDto body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    FieldChecks checks = new FieldChecks();
    List<String> categories =
        PartnershipDtos.categories(checks, body == null ? null : body.categories(), true);
    checks.throwIfAny();
    return JoinRequestDto.of(
        requests.approve(
            tenant,
            caller.get(),
            PartnershipDtos.id("request", request),
            categories.isEmpty() ? Optional.empty() : Optional.of(categories)));
  }

  /** Declines, optionally with a reason the partner sees. Declining twice changes nothing. */
  @POST
  @Path("/{request}/decline")
  @Consumes(MediaType.APPLICATION_JSON)
  public JoinRequestDto decline(
      @PathParam("club") String club, @PathParam("request") String request, DeclineDto body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    FieldChecks checks = new FieldChecks();
    Optional<String> reason =
        PartnershipDtos.text(checks, "reason", body == null ? null : body.reason(), 1000);
    checks.throwIfAny();
    return JoinRequestDto.of(
        requests.decline(tenant, caller.get(), PartnershipDtos.id("request", request), reason));
  }
}
