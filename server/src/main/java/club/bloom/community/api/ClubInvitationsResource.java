package club.bloom.community.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.community.application.InnerCircleInvitations;
import club.bloom.community.application.InnerCircleInvitations.Invite;
import club.bloom.community.application.InnerCircleInvitations.Issued;
import club.bloom.community.application.InnerCircleInvitations.MemberReference;
import club.bloom.community.application.InnerCircleInvitations.Page;
import club.bloom.community.domain.Invitation;
import club.bloom.community.domain.InvitedVia;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.PageCursor;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The club owner invites members to the Inner Circle, lists the invitations and revokes them. */
@Path("/clubs/{club}/invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLUB_OWNER)
public class ClubInvitationsResource {
  private static final Pattern PHONE = Pattern.compile("^\\+[1-9][0-9]{7,14}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject InnerCircleInvitations invitations;
  @Inject Clock clock;

  /**
   * 201 with a new invitation, or 200 with the member's open one: repeating the request invites no
   * one twice, hence no Idempotency-Key.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response invite(@PathParam("club") String club, InviteDto body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    List<MemberReference> refs = new ArrayList<>();
    if (body.memberId() != null) {
      refs.add(new MemberReference(InvitedVia.MEMBER, body.memberId()));
    }
    if (body.email() != null) {
      if (checks.matches("email", body.email().strip(), EMAIL, "must be an e-mail address")
          != null) {
        refs.add(new MemberReference(InvitedVia.EMAIL, body.email()));
      }
    }
    if (body.phone() != null) {
      if (checks.matches(
              "phone", body.phone().strip(), PHONE, "must be an E.164 number such as +79161234567")
          != null) {
        refs.add(new MemberReference(InvitedVia.PHONE, body.phone()));
      }
    }
    if (body.memberId() == null && body.email() == null && body.phone() == null) {
      checks.fail("memberId", "name the member by exactly one of memberId, email, phone");
    } else if (refs.size() > 1) {
      checks.fail("memberId", "name the member by exactly one of memberId, email, phone");
    }
    int days =
        body.validDays() == null ? (int) Invitation.DEFAULT_VALIDITY.toDays() : body.validDays();
    if (days < 1 || days > Invitation.LONGEST_VALIDITY.toDays()) {
      checks.fail("validDays", "must be between 1 and " + Invitation.LONGEST_VALIDITY.toDays());
    }
    Optional<Instant> until = Optional.empty();
    if (body.until() != null) {
      OffsetDateTime parsed = checks.dateTime("until", body.until());
      if (parsed != null && !parsed.toInstant().isAfter(clock.instant())) {
        checks.fail("until", "must be in the future");
      } else if (parsed != null) {
        until = Optional.of(parsed.toInstant());
      }
    }
    if (body.tier() != null && body.tier().isBlank()) {
      checks.fail("tier", "must not be blank");
    }
    checks.throwIfAny();
    Issued issued =
        invitations.invite(
            tenant,
            caller.get(),
            new Invite(
                refs.get(0), Optional.ofNullable(body.tier()), Duration.ofDays(days), until));
    return Response.status(issued.created() ? 201 : 200)
        .entity(InvitationDto.of(issued.invitation()))
        .build();
  }

  @GET
  public InvitationPageDto list(
      @PathParam("club") String club,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    Page page = invitations.list(tenant, PageCursor.decode(cursor), Params.limit(limit));
    return new InvitationPageDto(
        page.items().stream().map(InvitationDto::of).toList(),
        page.next() == null ? null : page.next().encode());
  }

  /** Revoking twice changes nothing. */
  @POST
  @Path("/{invitation}/revoke")
  public InvitationDto revoke(
      @PathParam("club") String club, @PathParam("invitation") String invitation) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    return InvitationDto.of(invitations.revoke(tenant, invitationId(invitation)));
  }

  static UUID invitationId(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of("invitation", "is not an invitation id");
    }
  }

  /** The contract's {@code InvitationRequest}. */
  public record InviteDto(
      String memberId, String email, String phone, String tier, Integer validDays, String until) {}

  /** The contract's {@code InvitationPage}. */
  public record InvitationPageDto(List<InvitationDto> items, String nextCursor) {}
}
