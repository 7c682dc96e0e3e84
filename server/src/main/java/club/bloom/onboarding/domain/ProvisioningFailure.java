package club.bloom.onboarding.domain;

/**
 * Why a provisioning step stopped, as a code the progress pages word for a person (the portal's
 * catalogue, ru/en). The exception itself goes only to the log, under the reference the page shows.
 */
public enum ProvisioningFailure {
  /** Keycloak did not answer; the step is retried automatically. */
  IDENTITY_PROVIDER_UNAVAILABLE("identity-provider-unavailable"),
  /** Keycloak answered with an error; retried, and the operators see the reference. */
  IDENTITY_PROVIDER_REFUSED("identity-provider-refused"),
  /** The slug was given to another tenant meanwhile; the sign-up cannot finish under it. */
  SLUG_TAKEN("slug-taken"),
  /** Anything else on Bloom's side; retried, and the operators see the reference. */
  INTERNAL("internal");

  private final String code;

  ProvisioningFailure(String code) {
    this.code = code;
  }

  /** The contract's {@code lastError}. */
  public String code() {
    return code;
  }

  /** The failure of a stored code; an unknown (older, free-text) value reads as internal. */
  public static ProvisioningFailure ofCode(String code) {
    for (ProvisioningFailure f : values()) {
      if (f.code.equals(code)) {
        return f;
      }
    }
    return INTERNAL;
  }
}
