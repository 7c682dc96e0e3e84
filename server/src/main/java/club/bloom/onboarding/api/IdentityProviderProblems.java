package club.bloom.onboarding.api;

import club.bloom.shared.api.Problems;
import club.bloom.tenancy.domain.IdentityProviderUnavailable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keycloak did not answer during provisioning or staff management: 503 with {@code Retry-After},
 * not a 500 — the operations are idempotent and the same request can be repeated.
 */
@Provider
public class IdentityProviderProblems implements ExceptionMapper<IdentityProviderUnavailable> {
  private static final Logger LOG = Logger.getLogger(IdentityProviderProblems.class.getName());
  static final String RETRY_AFTER_SECONDS = "30";

  @Override
  public Response toResponse(IdentityProviderUnavailable e) {
    LOG.log(Level.WARNING, "identity provider unavailable", e);
    Response problem =
        Problems.response(
            503,
            "identity-provider-unavailable",
            "Identity provider unavailable",
            "The identity provider did not answer. Nothing was half-done that a repeat cannot"
                + " finish: repeat the same request later.",
            List.of());
    return Response.fromResponse(problem).header("Retry-After", RETRY_AFTER_SECONDS).build();
  }
}
