package club.bloom.access.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the portal needs, before sign-in, to send an operator (or a partner's staff) to the platform
 * realm: its issuer as browsers reach it and the portal's public client there. A distinct root
 * path: {@code /public/clubs/{club}} belongs to another resource.
 */
@Path("/public/platform")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PublicPlatformResource {
  @Inject
  @ConfigProperty(name = "bloom.keycloak.public-url", defaultValue = "http://localhost:8180")
  String keycloakPublicUrl;

  @Inject
  @ConfigProperty(name = "bloom.keycloak.platform-realm", defaultValue = "bloom-platform")
  String platformRealm;

  @GET
  public SignInInfo get() {
    return new SignInInfo(keycloakPublicUrl + "/realms/" + platformRealm, "bloom-portal");
  }

  /** The contract's {@code PlatformSignInInfo}. */
  public record SignInInfo(String issuer, String clientId) {}
}
