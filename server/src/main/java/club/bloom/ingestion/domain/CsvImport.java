package club.bloom.ingestion.domain;

import club.bloom.tenancy.domain.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * One uploaded CSV file of a partner and how its import went (ADR 0041). QUEUED when uploaded,
 * RUNNING once its job reads it, then FINISHED (every row applied or rejected) or FAILED (the job
 * failed; the rows applied so far stay applied, each exactly once). {@code rowsDone = accepted +
 * rejected} moves at each checkpoint. {@code run} counts the job's (re)starts: only the run that
 * holds it may move the import on.
 */
public record CsvImport(
    UUID id,
    TenantId partner,
    String fileName,
    long fileSize,
    Status status,
    int rowsTotal,
    int rowsDone,
    int rowsAccepted,
    int rowsRejected,
    int run,
    Long executionId,
    String uploadedBy,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  /** Where an import is. */
  public enum Status {
    QUEUED,
    RUNNING,
    FINISHED,
    FAILED
  }

  /** Whether it still holds the partner's one place for a running import. */
  public boolean isActive() {
    return status == Status.QUEUED || status == Status.RUNNING;
  }
}
