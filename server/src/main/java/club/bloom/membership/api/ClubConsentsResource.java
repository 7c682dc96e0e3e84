package club.bloom.membership.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.membership.api.ConsentDtos.ConsentDocumentDto;
import club.bloom.membership.api.ConsentDtos.ConsentPublicationDto;
import club.bloom.membership.application.ConsentTexts;
import club.bloom.membership.domain.ConsentKind;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Club staff publish versions of the club's consent texts and list them. */
@Path("/clubs/{club}/consents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER, Roles.PLATFORM_OPERATOR})
public class ClubConsentsResource {
  /** Long enough for a club's terms; a database page, not a book. */
  static final int MAX_TEXT = 100_000;

  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject ConsentTexts texts;

  @GET
  public List<ConsentDocumentDto> list(@PathParam("club") String club) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    return texts.all(tenant).stream().map(ConsentDocumentDto::of).toList();
  }

  /**
   * Each call publishes a new version (a retry publishes another, which members accept alike): no
   * Idempotency-Key, as nothing of value moves.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response publish(@PathParam("club") String club, ConsentPublicationDto body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    String kindText = checks.required("kind", body.kind(), 16);
    ConsentKind kind = kindText == null ? null : ConsentKind.parse(kindText).orElse(null);
    if (kindText != null && kind == null) {
      checks.fail("kind", "must be one of terms, marketing");
    }
    String text = checks.required("text", body.text(), MAX_TEXT);
    checks.throwIfAny();
    return Response.status(201)
        .entity(ConsentDocumentDto.of(texts.publish(tenant, caller.get(), kind, text)))
        .build();
  }
}
