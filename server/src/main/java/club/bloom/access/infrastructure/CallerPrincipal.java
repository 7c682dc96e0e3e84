package club.bloom.access.infrastructure;

import club.bloom.access.domain.Caller;

/** The container's view of a verified {@link Caller}. */
public class CallerPrincipal extends jakarta.security.enterprise.CallerPrincipal {
  private static final long serialVersionUID = 1L;
  private final transient Caller caller;

  public CallerPrincipal(Caller caller) {
    super(caller.subject());
    this.caller = caller;
  }

  public Caller caller() {
    return caller;
  }
}
