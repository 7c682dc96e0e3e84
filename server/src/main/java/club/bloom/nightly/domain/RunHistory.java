package club.bloom.nightly.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the run records of one kind and club say about the last few nights: when the latest
 * successful run started, and the failed attempts (a run left {@code RUNNING} by a runner that died
 * is marked failed once its lock is free, so it counts here too).
 */
public record RunHistory(Optional<Instant> lastSuccess, List<Failure> failures) {
  public RunHistory {
    Objects.requireNonNull(lastSuccess, "lastSuccess");
    failures = List.copyOf(failures);
  }

  /** No record at all. */
  public static RunHistory none() {
    return new RunHistory(Optional.empty(), List.of());
  }

  /**
   * A failed attempt: when it started and ended, and whether it was interrupted (its runner died:
   * nothing says the job itself would fail again, so it is retried without waiting).
   */
  public record Failure(Instant startedAt, Instant finishedAt, boolean interrupted) {
    public Failure {
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(finishedAt, "finishedAt");
    }
  }
}
