package club.bloom.membership.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.membership.application.MemberMerging;
import club.bloom.membership.domain.MemberMerge;
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
import java.util.List;
import java.util.UUID;

/**
 * The club's admin merges two members found to be one person, and reads the merges made (by admins,
 * and by logins claiming a counter registration). A merge cannot be applied twice (the absorbed
 * member is merged after the first), hence no Idempotency-Key.
 */
@Path("/clubs/{club}/member-merges")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER})
public class MemberMergesResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject MemberMerging merging;

  @GET
  public List<MemberMergeDto> list(
      @PathParam("club") String clubSlug, @QueryParam("limit") Integer limit) {
    Tenant club = scope.clubFor(caller.get(), Params.slug("club", clubSlug));
    return merging.recent(club, Params.limit(limit)).stream().map(MemberMergeDto::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response merge(@PathParam("club") String clubSlug, MergeRequestDto body) {
    Tenant club = scope.clubFor(caller.get(), Params.slug("club", clubSlug));
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    UUID survivor = uuid(checks, "survivorId", body.survivorId());
    UUID absorbed = uuid(checks, "absorbedId", body.absorbedId());
    checks.throwIfAny();
    MemberMerge merge = merging.mergeByAdmin(club, caller.get(), survivor, absorbed);
    return Response.status(201).entity(MemberMergeDto.of(merge)).build();
  }

  private static UUID uuid(FieldChecks checks, String field, String value) {
    if (value == null || value.isBlank()) {
      checks.fail(field, "is required");
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      checks.fail(field, "is not a member id");
      return null;
    }
  }

  /** The contract's {@code MemberMergeRequest}. */
  public record MergeRequestDto(String survivorId, String absorbedId) {}

  /** The contract's {@code MemberMerge}. */
  public record MemberMergeDto(
      UUID mergeId,
      UUID survivorId,
      UUID absorbedId,
      String absorbedPassportCode,
      String reason,
      String mergedBy,
      String mergedAt,
      int purchasesMoved,
      int ledgerEntriesMoved,
      int lotsMoved) {
    static MemberMergeDto of(MemberMerge m) {
      return new MemberMergeDto(
          m.id(),
          m.survivorId(),
          m.absorbedId(),
          m.absorbedPassport(),
          m.reason().name().toLowerCase(java.util.Locale.ROOT),
          m.mergedBy(),
          m.mergedAt().toString(),
          m.purchasesMoved(),
          m.ledgerEntriesMoved(),
          m.lotsMoved());
    }
  }
}
