package club.bloom.membership.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.membership.application.MemberEnrolment;
import club.bloom.membership.application.MemberEnrolment.EnrolMember;
import club.bloom.membership.application.MemberEnrolment.EnrolledMember;
import club.bloom.membership.domain.PersonalData;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Club staff enrol members (the member card is the cabinet's {@code ClubMemberCardResource}). */
@Path("/clubs/{club}/members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClubMembersResource {
  private static final Pattern PHONE = Pattern.compile("^\\+[1-9][0-9]{7,14}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject MemberEnrolment enrolment;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER, Roles.PLATFORM_OPERATOR})
  public Response enrol(
      @PathParam("club") String clubSlug,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
      MemberEnrolmentDto body) {
    Tenant club = scope.clubFor(caller.get(), Params.slug("club", clubSlug));
    IdempotencyKey key = new IdempotencyKey(idempotencyKey);
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    String first = checks.personName("firstName", body.firstName());
    String last = checks.personName("lastName", body.lastName());
    String phone =
        checks.matches(
            "phone", body.phone(), PHONE, "must be an E.164 number such as +79161234567");
    String email = checks.matches("email", body.email(), EMAIL, "must be an e-mail address");
    if (email != null && email.length() > 254) {
      checks.fail("email", "must be at most 254 characters");
    }
    LocalDate birthday = checks.optionalDate("birthday", body.birthday());
    checks.throwIfAny();
    EnrolledMember enrolled =
        enrolment.enrol(
            club, key, new EnrolMember(new PersonalData(first, last, phone, email, birthday)));
    return Response.status(201).entity(enrolled).build();
  }

  /** The contract's {@code MemberEnrolment}. */
  public record MemberEnrolmentDto(
      String firstName, String lastName, String phone, String email, String birthday) {}
}
