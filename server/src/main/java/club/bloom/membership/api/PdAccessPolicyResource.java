package club.bloom.membership.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.membership.application.PdAccessPolicies;
import club.bloom.membership.domain.PdAccessPolicy;
import club.bloom.membership.domain.PdAudience;
import club.bloom.membership.domain.PdField;
import club.bloom.membership.domain.Visibility;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The club's PD-access policy: per role, which personal fields are visible and how. */
@Path("/clubs/{club}/pd-access-policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER, Roles.PLATFORM_OPERATOR})
public class PdAccessPolicyResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject PdAccessPolicies policies;

  @GET
  public PolicyDto get(@PathParam("club") String club) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    return PolicyDto.of(policies.policy(tenant));
  }

  /** Sets the roles listed; roles not listed go back to Bloom's defaults. Takes effect at once. */
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public PolicyDto replace(@PathParam("club") String club, PolicyDto body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    if (body == null || body.roles() == null) {
      throw InvalidInput.of("roles", "is required");
    }
    FieldChecks checks = new FieldChecks();
    Map<PdAudience, Map<PdField, Visibility>> rows = new EnumMap<>(PdAudience.class);
    for (int i = 0; i < body.roles().size(); i++) {
      RoleRuleDto rule = body.roles().get(i);
      String at = "roles[" + i + "]";
      if (rule == null) {
        checks.fail(at, "is required");
        continue;
      }
      PdAudience audience = rule.role() == null ? null : PdAudience.parse(rule.role()).orElse(null);
      if (audience == null) {
        checks.fail(at + ".role", "must be one of " + roleNames());
      } else if (rows.containsKey(audience)) {
        checks.fail(at + ".role", "is listed twice");
      }
      Map<PdField, Visibility> fields = new EnumMap<>(PdField.class);
      field(checks, at, PdField.FIRST_NAME, rule.firstName(), fields);
      field(checks, at, PdField.LAST_NAME, rule.lastName(), fields);
      field(checks, at, PdField.PHONE, rule.phone(), fields);
      field(checks, at, PdField.EMAIL, rule.email(), fields);
      field(checks, at, PdField.BIRTHDAY, rule.birthday(), fields);
      if (audience != null) {
        rows.put(audience, fields);
      }
    }
    checks.throwIfAny();
    return PolicyDto.of(policies.replace(tenant, rows));
  }

  private static void field(
      FieldChecks checks, String at, PdField field, String value, Map<PdField, Visibility> out) {
    Visibility v = value == null ? null : Visibility.parse(value).orElse(null);
    if (v == null) {
      checks.fail(at + "." + field.code(), "must be one of none, masked, full");
    } else {
      out.put(field, v);
    }
  }

  private static String roleNames() {
    return Arrays.stream(PdAudience.values())
        .map(PdAudience::role)
        .collect(Collectors.joining(", "));
  }

  /** The contract's {@code PdAccessPolicy}. */
  public record PolicyDto(List<RoleRuleDto> roles) {
    static PolicyDto of(PdAccessPolicy policy) {
      List<RoleRuleDto> rows = new ArrayList<>();
      for (PdAudience a : PdAudience.values()) {
        rows.add(
            new RoleRuleDto(
                a.role(),
                policy.visibility(a, PdField.FIRST_NAME).code(),
                policy.visibility(a, PdField.LAST_NAME).code(),
                policy.visibility(a, PdField.PHONE).code(),
                policy.visibility(a, PdField.EMAIL).code(),
                policy.visibility(a, PdField.BIRTHDAY).code()));
      }
      return new PolicyDto(rows);
    }
  }

  /** The contract's {@code PdAccessRule}. */
  public record RoleRuleDto(
      String role,
      String firstName,
      String lastName,
      String phone,
      String email,
      String birthday) {}
}
