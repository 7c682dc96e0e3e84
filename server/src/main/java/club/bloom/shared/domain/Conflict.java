package club.bloom.shared.domain;

/** The request conflicts with the current state. */
public class Conflict extends BloomException {
  private static final long serialVersionUID = 1L;

  public Conflict(String type, String title, String detail) {
    super(ProblemKind.CONFLICT, type, title, detail);
  }
}
