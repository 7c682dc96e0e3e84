package club.bloom.tenancy.domain;

/**
 * The identity provider answered a provisioning or administration call with an error. The message
 * holds its status and the start of its answer: it is for the log, never for an API answer.
 */
public class IdentityProviderRefused extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public IdentityProviderRefused(String message) {
    super(message);
  }
}
