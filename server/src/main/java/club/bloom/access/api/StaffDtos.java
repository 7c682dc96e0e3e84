package club.bloom.access.api;

import club.bloom.access.application.StaffManagement.StaffMember;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.domain.InvalidInput;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** The contract's staff shapes, shared by the club's and the partner's staff endpoints. */
public final class StaffDtos {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private StaffDtos() {}

  /** The contract's {@code StaffInvitationRequest}. */
  public record InvitationDto(String email, String role) {
    static InvitationDto checked(InvitationDto body) {
      if (body == null) {
        throw InvalidInput.of("body", "is required");
      }
      FieldChecks checks = new FieldChecks();
      checks.matches("email", body.email(), EMAIL, "must be an e-mail address");
      if (body.email() != null && body.email().length() > 254) {
        checks.fail("email", "must be at most 254 characters");
      }
      checks.required("role", body.role(), 40);
      checks.throwIfAny();
      return body;
    }
  }

  /** The contract's {@code StaffRoleChange}. */
  public record RoleChangeDto(String role) {
    static String role(RoleChangeDto body) {
      if (body == null || body.role() == null) {
        throw InvalidInput.of("role", "is required");
      }
      return body.role();
    }
  }

  /** The contract's {@code StaffMember}. */
  public record StaffMemberDto(
      String id,
      String email,
      List<String> roles,
      String status,
      Instant invitedAt,
      String invitedBy) {
    static StaffMemberDto of(StaffMember m) {
      return new StaffMemberDto(
          m.id(), m.email(), m.roles(), m.status(), m.invitedAt(), m.invitedBy().orElse(null));
    }
  }
}
