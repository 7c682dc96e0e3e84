package club.bloom.shared.domain;

/** The caller is known but may not do this. */
public class AccessDenied extends BloomException {
  private static final long serialVersionUID = 1L;

  public AccessDenied(String detail) {
    super(ProblemKind.FORBIDDEN, "forbidden", "Not allowed", detail);
  }
}
