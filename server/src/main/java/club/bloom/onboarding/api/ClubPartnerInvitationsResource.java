package club.bloom.onboarding.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.onboarding.api.PartnershipDtos.InvitationDto;
import club.bloom.onboarding.api.PartnershipDtos.InvitationPageDto;
import club.bloom.onboarding.api.PartnershipDtos.InviteDto;
import club.bloom.onboarding.application.PartnerInvitations;
import club.bloom.onboarding.application.PartnerInvitations.Invite;
import club.bloom.onboarding.application.PartnerInvitations.Issued;
import club.bloom.onboarding.application.PartnerInvitations.Page;
import club.bloom.onboarding.domain.PartnerInvitation;
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
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The club's owner or admin invites partner businesses with single-use codes, lists the invitations
 * with their status and revokes them.
 */
@Path("/clubs/{club}/partner-invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_OWNER, Roles.CLUB_ADMIN, Roles.PLATFORM_OPERATOR})
public class ClubPartnerInvitationsResource {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject PartnerInvitations invitations;

  /**
   * 201 with the code, shown in this answer only. Each call issues a new code: a retry after a lost
   * answer issues another (the first simply expires unused), so no Idempotency-Key — replaying a
   * stored answer would mean storing the code.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response invite(@PathParam("club") String club, InviteDto body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    List<String> categories = PartnershipDtos.categories(checks, body.categories(), false);
    Optional<String> email = Optional.empty();
    if (body.email() != null) {
      String e = checks.matches("email", body.email().strip(), EMAIL, "must be an e-mail address");
      email = Optional.ofNullable(e);
    }
    Optional<String> note = PartnershipDtos.text(checks, "note", body.note(), 500);
    long longest = PartnerInvitation.LONGEST_VALIDITY.toDays();
    int days =
        body.validDays() == null
            ? (int) PartnerInvitation.DEFAULT_VALIDITY.toDays()
            : body.validDays();
    if (days < 1 || days > longest) {
      checks.fail("validDays", "must be between 1 and " + longest);
    }
    checks.throwIfAny();
    Issued issued =
        invitations.invite(
            tenant, caller.get(), new Invite(categories, email, note, Duration.ofDays(days)));
    return Response.status(201)
        .entity(InvitationDto.of(issued.invitation(), Optional.of(issued.code())))
        .build();
  }

  @GET
  public InvitationPageDto list(
      @PathParam("club") String club,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    Page page = invitations.list(tenant, PartnershipDtos.after(cursor), Params.limit(limit));
    return new InvitationPageDto(
        page.items().stream().map(v -> InvitationDto.of(v, Optional.empty())).toList(),
        PartnershipDtos.cursor(page.next()));
  }

  /** Revoking twice changes nothing; a redeemed invitation cannot be revoked (409). */
  @POST
  @Path("/{invitation}/revoke")
  public InvitationDto revoke(
      @PathParam("club") String club, @PathParam("invitation") String invitation) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    return InvitationDto.of(
        invitations.revoke(tenant, PartnershipDtos.id("invitation", invitation)), Optional.empty());
  }
}
