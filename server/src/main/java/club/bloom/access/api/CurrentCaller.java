package club.bloom.access.api;

import club.bloom.access.domain.Caller;
import club.bloom.access.infrastructure.CallerPrincipal;
import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;

/** The verified caller of the current request, as resolved by the authentication mechanism. */
@RequestScoped
public class CurrentCaller {
  @Inject SecurityContext security;

  public Caller get() {
    return find().orElseThrow(Unauthenticated::new);
  }

  /** The caller, or empty for an anonymous request. */
  public Optional<Caller> find() {
    return security.getPrincipalsByType(CallerPrincipal.class).stream()
        .findFirst()
        .map(CallerPrincipal::caller);
  }

  /** No credential was presented. */
  public static class Unauthenticated extends BloomException {
    private static final long serialVersionUID = 1L;

    public Unauthenticated() {
      super(
          ProblemKind.UNAUTHENTICATED,
          "unauthenticated",
          "Authentication required",
          "Send 'Authorization: Bearer <API key or access token>'");
    }
  }
}
