package club.bloom.nightly.domain;

import club.bloom.shared.domain.Conflict;
import java.util.Map;

/** Another runner (on this replica or another) holds the lock of this kind of run of the club. */
public class RunInProgress extends Conflict {
  private static final long serialVersionUID = 1L;

  public RunInProgress(String kind, String club) {
    super(
        "nightly-run-in-progress",
        "A run of this kind is in progress for the club",
        "A "
            + kind
            + " run of club "
            + club
            + " is running (the nightly schedule or another operator); its record is in"
            + " GET /platform/nightly-runs. Try again when it has finished.");
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", "60");
  }
}
