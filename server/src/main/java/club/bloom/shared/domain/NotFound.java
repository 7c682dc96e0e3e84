package club.bloom.shared.domain;

/**
 * Nothing of that name exists for the caller's tenant (also what another tenant's id looks like).
 */
public class NotFound extends BloomException {
  private static final long serialVersionUID = 1L;

  public NotFound(String type, String title, String detail) {
    super(ProblemKind.NOT_FOUND, type, title, detail);
  }
}
