package club.bloom.access.api;

import club.bloom.access.api.ApiKeyDtos.ApiKeyDto;
import club.bloom.access.api.ApiKeyDtos.IssuedApiKeyDto;
import club.bloom.access.api.ApiKeyDtos.NewApiKeyDto;
import club.bloom.access.api.ApiKeyDtos.RotationDto;
import club.bloom.access.api.ApiKeyDtos.RotationRequestDto;
import club.bloom.access.application.ApiKeyManagement;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.shared.api.Params;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;

/**
 * The club's own API keys, for its owner and admins (or an operator). Keys never manage keys: a
 * key's caller lacks these roles (403). Another club's admin, or another club's key id: 404.
 */
@Path("/clubs/{club}/api-keys")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_OWNER, Roles.CLUB_ADMIN, Roles.PLATFORM_OPERATOR})
public class ClubApiKeysResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject ApiKeyManagement keys;
  @Inject Clock clock;

  @GET
  public List<ApiKeyDto> list(@PathParam("club") String club) {
    Tenant tenant = club(club);
    return keys.list(tenant).stream().map(k -> ApiKeyDto.of(k, clock.instant())).toList();
  }

  @POST
  public Response create(@PathParam("club") String club, NewApiKeyDto body) {
    Tenant tenant = club(club);
    return Response.status(201)
        .entity(IssuedApiKeyDto.of(keys.create(tenant, NewApiKeyDto.parse(body))))
        .build();
  }

  @POST
  @Path("/{id}/rotation")
  public Response rotate(
      @PathParam("club") String club, @PathParam("id") String id, RotationRequestDto body) {
    Tenant tenant = club(club);
    var rotation = keys.rotate(tenant, ApiKeyDtos.id(id), RotationRequestDto.overlap(body));
    return Response.status(201).entity(RotationDto.of(rotation, clock.instant())).build();
  }

  @DELETE
  @Path("/{id}")
  public Response revoke(@PathParam("club") String club, @PathParam("id") String id) {
    keys.revoke(club(club), ApiKeyDtos.id(id));
    return Response.noContent().build();
  }

  private Tenant club(String slug) {
    return scope.clubFor(caller.get(), Params.slug("club", slug));
  }
}
