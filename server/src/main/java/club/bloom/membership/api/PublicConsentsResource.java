package club.bloom.membership.api;

import club.bloom.membership.api.ConsentDtos.ConsentDocumentDto;
import club.bloom.membership.application.ConsentTexts;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/**
 * The club's current consent texts, public (no authentication): the portal shows the terms to a
 * person confirming a counter registration, who has no member profile yet. (Its own root path:
 * {@code /public/clubs/{club}} belongs to another root resource.)
 */
@Path("/public/clubs/{club}/consents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PublicConsentsResource {
  @Inject TenantRegistry tenants;
  @Inject ConsentTexts texts;

  @GET
  public List<ConsentDocumentDto> current(@PathParam("club") String slug) {
    Tenant club =
        (Slug.isValid(slug)
                ? tenants.find(TenantKind.CLUB, new Slug(slug))
                : Optional.<Tenant>empty())
            .filter(Tenant::isActive)
            .orElseThrow(() -> new NotFound("unknown-club", "Unknown club", "No club " + slug));
    return texts.current(club).stream().map(ConsentDocumentDto::of).toList();
  }
}
