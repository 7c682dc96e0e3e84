package club.bloom.tenancy.domain;

/**
 * The identity provider did not answer (down, restarting, or too slow). Every provisioning step is
 * idempotent, so the same request can simply be repeated later.
 */
public class IdentityProviderUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IdentityProviderUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
