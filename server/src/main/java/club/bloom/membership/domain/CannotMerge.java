package club.bloom.membership.domain;

import club.bloom.shared.domain.Conflict;

/** Two members cannot be merged as asked (409 {@code cannot-merge}); nothing was changed. */
public class CannotMerge extends Conflict {
  private static final long serialVersionUID = 1L;

  public CannotMerge(String detail) {
    super("cannot-merge", "Cannot merge these members", detail);
  }
}
