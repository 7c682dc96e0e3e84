package club.bloom.nightly.domain;

/**
 * Why a run started: its night's slot came ({@code SCHEDULE}); its night had passed unrun, e.g.
 * while no replica was up ({@code CATCH_UP}); an earlier attempt of the same night failed ({@code
 * RETRY}); or an operator asked for it ({@code OPERATOR}).
 */
public enum RunTrigger {
  SCHEDULE("schedule"),
  CATCH_UP("catch-up"),
  RETRY("retry"),
  OPERATOR("operator");

  private final String code;

  RunTrigger(String code) {
    this.code = code;
  }

  /** The name in the API. */
  public String code() {
    return code;
  }
}
