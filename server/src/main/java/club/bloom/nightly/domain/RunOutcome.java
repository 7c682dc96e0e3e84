package club.bloom.nightly.domain;

import java.util.Arrays;
import java.util.Optional;

/** Where a run stands: still running, or finished well or badly. */
public enum RunOutcome {
  RUNNING("running"),
  SUCCEEDED("succeeded"),
  FAILED("failed");

  private final String code;

  RunOutcome(String code) {
    this.code = code;
  }

  /** The name in the API. */
  public String code() {
    return code;
  }

  public static Optional<RunOutcome> ofCode(String code) {
    return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
  }
}
