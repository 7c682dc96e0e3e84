package club.bloom.catalogue.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.catalogue.application.ClubCatalogue;
import club.bloom.catalogue.application.ClubCatalogue.CategoryDefinition;
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
import java.util.List;
import java.util.regex.Pattern;

/**
 * Club owners and admins (or an operator) read and define the club's categories; its analysts read
 * them. (The tiers are the tiers context's: {@code TierLadderResource}.)
 */
@Path("/clubs/{club}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER, Roles.PLATFORM_OPERATOR})
public class ClubConfigurationResource {
  private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");

  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject ClubCatalogue catalogue;

  @GET
  @Path("/categories")
  @RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER, Roles.CLUB_ANALYST, Roles.PLATFORM_OPERATOR})
  public List<CategoryDto> categories(@PathParam("club") String club) {
    Tenant tenant = scope.clubForReading(caller.get(), Params.slug("club", club));
    return catalogue.list(tenant.schema()).stream()
        .map(c -> new CategoryDto(c.code(), c.name()))
        .toList();
  }

  @PUT
  @Path("/categories")
  public List<CategoryDto> categories(@PathParam("club") String club, List<CategoryDto> body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    if (body == null || body.isEmpty() || body.size() > 50) {
      throw InvalidInput.of("body", "must list 1–50 categories");
    }
    FieldChecks checks = new FieldChecks();
    List<CategoryDefinition> defs = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      CategoryDto c = body.get(i);
      String code =
          checks.matches(
              "[" + i + "].code",
              c == null ? null : c.code(),
              CODE,
              "must be lower-case letters, digits and hyphens");
      String name = checks.required("[" + i + "].name", c == null ? null : c.name(), 80);
      defs.add(new CategoryDefinition(code, name));
    }
    checks.throwIfAny();
    return catalogue.define(tenant.schema(), defs).stream()
        .map(c -> new CategoryDto(c.code(), c.name()))
        .toList();
  }

  /** The contract's {@code Category}. */
  public record CategoryDto(String code, String name) {}
}
