package club.bloom.access.api;

import club.bloom.access.application.StaffManagement;
import club.bloom.access.application.StaffManagement.AcceptedInvitation;
import club.bloom.access.domain.Roles;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.TenantKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;

/**
 * The signed-in person accepts a staff invitation mailed to her address while she already had a
 * login (ADR 0027): any verified login may call it, the invitation decides whether it is hers.
 * Accepting again answers the same; hence no Idempotency-Key.
 */
@Path("/me/staff-invitations")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PERSON)
public class MyStaffInvitationsResource {
  private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

  @Inject CurrentCaller caller;
  @Inject StaffManagement staff;

  @POST
  public AcceptedDto accept(AcceptanceDto body) {
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    String token =
        checks.matches("token", body.token(), TOKEN, "must be the token of an invitation link");
    checks.throwIfAny();
    AcceptedInvitation accepted = staff.accept(caller.get(), token);
    return new AcceptedDto(
        accepted.tenant().kind() == TenantKind.CLUB ? "club" : "partner",
        accepted.tenant().slug().value(),
        accepted.tenant().name(),
        accepted.role(),
        accepted.consoleUrl());
  }

  /** The contract's {@code StaffInvitationAcceptance}. */
  public record AcceptanceDto(String token) {}

  /** The contract's {@code AcceptedStaffInvitation}. */
  public record AcceptedDto(
      String tenantKind, String tenant, String tenantName, String role, String consoleUrl) {}
}
