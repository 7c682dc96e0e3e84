package club.bloom.ingestion.application;

import club.bloom.tenancy.domain.TenantId;
import java.util.UUID;

/** Starts the batch job that imports a file (Jakarta Batch in infrastructure; ADR 0041). */
public interface ImportJobs {
  /**
   * Starts run {@code run} of the import: a restart of {@code previousExecution} from its last
   * checkpoint when the job repository allows it (the execution failed or stopped), otherwise a new
   * execution, which resumes from the import's counted rows (the same checkpoint).
   *
   * @return the execution id
   */
  long start(UUID importId, TenantId partner, int run, Long previousExecution);
}
