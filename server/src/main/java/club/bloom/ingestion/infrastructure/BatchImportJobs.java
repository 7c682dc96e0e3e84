package club.bloom.ingestion.infrastructure;

import club.bloom.ingestion.application.ImportJobs;
import club.bloom.tenancy.domain.TenantId;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts {@code csv-import} on Liberty's Jakarta Batch (job repository in PostgreSQL). */
@ApplicationScoped
public class BatchImportJobs implements ImportJobs {
  static final String JOB = "csv-import";

  @Inject
  @ConfigProperty(name = "bloom.imports.chunk-size", defaultValue = "100")
  int chunkSize;

  @Override
  public long start(UUID importId, TenantId partner, int run, Long previousExecution) {
    JobOperator operator = BatchRuntime.getJobOperator();
    Properties parameters = new Properties();
    parameters.setProperty("importId", importId.toString());
    parameters.setProperty("partner", partner.value().toString());
    parameters.setProperty("run", Integer.toString(run));
    parameters.setProperty("chunkSize", Integer.toString(chunkSize));
    if (previousExecution != null && restartable(operator, previousExecution)) {
      return operator.restart(previousExecution, parameters);
    }
    return operator.start(JOB, parameters);
  }

  private static boolean restartable(JobOperator operator, long execution) {
    try {
      JobExecution e = operator.getJobExecution(execution);
      BatchStatus status = e.getBatchStatus();
      return status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
