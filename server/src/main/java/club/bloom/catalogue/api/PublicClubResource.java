package club.bloom.catalogue.api;

import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What the portal needs, before sign-in, to send a member to the club's realm. */
@Path("/public/clubs/{club}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PublicClubResource {
  @Inject TenantRegistry tenants;

  @Inject
  @ConfigProperty(name = "bloom.keycloak.public-url", defaultValue = "http://localhost:8180")
  String keycloakPublicUrl;

  @GET
  @Transactional
  public SignInInfo get(@PathParam("club") String slug) {
    Tenant club =
        (Slug.isValid(slug)
                ? tenants.find(TenantKind.CLUB, new Slug(slug))
                : java.util.Optional.<Tenant>empty())
            .filter(Tenant::isActive)
            .orElseThrow(() -> new NotFound("unknown-club", "Unknown club", "No club " + slug));
    String realm = club.realm().orElseThrow();
    return new SignInInfo(
        club.slug().value(), club.name(), keycloakPublicUrl + "/realms/" + realm, "bloom-portal");
  }

  /** The contract's {@code ClubSignInInfo}. */
  public record SignInInfo(String slug, String name, String issuer, String clientId) {}
}
