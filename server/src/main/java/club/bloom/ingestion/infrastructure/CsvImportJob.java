package club.bloom.ingestion.infrastructure;

import club.bloom.ingestion.application.CsvImportRun;
import club.bloom.ingestion.domain.ImportRow;
import club.bloom.tenancy.domain.TenantId;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The batch artifacts of the job {@code csv-import} ({@code META-INF/batch-jobs/csv-import.xml};
 * ADR 0041). They translate Jakarta Batch's calls into {@link CsvImportRun}'s and hold nothing
 * else: the tenant and the import come as job parameters (no request scope in batch threads).
 */
final class CsvImportJob {
  private CsvImportJob() {}

  static TenantId partner(String value) {
    return new TenantId(UUID.fromString(value));
  }

  /** Reads the file's rows from the import's checkpoint (its counted rows). */
  @Named("csvImportReader")
  @Dependent
  public static class Reader extends AbstractItemReader {
    @Inject CsvImportRun run;
    @Inject JobContext job;

    @Inject
    @BatchProperty(name = "importId")
    String importId;

    @Inject
    @BatchProperty(name = "partner")
    String partner;

    @Inject
    @BatchProperty(name = "run")
    String runNumber;

    private CsvImportRun.Opened opened;
    private int position;

    @Override
    public void open(Serializable checkpoint) {
      // The import's counted rows are written in the chunk's transaction, with the checkpoint:
      // they are the checkpoint, also for a new execution started after a server's death.
      opened =
          run.open(
              partner(partner),
              UUID.fromString(importId),
              Integer.parseInt(runNumber),
              job.getExecutionId());
      position = opened.done();
      if (checkpoint instanceof Integer at && at != position) {
        Logger.getLogger(Reader.class.getName())
            .warning(
                "csv import " + importId + ": checkpoint " + at + ", counted rows " + position);
      }
    }

    @Override
    public Object readItem() {
      if (!opened.rows().hasNext()) {
        return null;
      }
      position++;
      return opened.rows().next();
    }

    @Override
    public Serializable checkpointInfo() {
      return position;
    }

    @Override
    public void close() {
      if (opened != null) {
        opened.rows().close();
      }
    }
  }

  /** Applies a chunk through the intake and counts it, in the chunk's transaction. */
  @Named("csvImportWriter")
  @Dependent
  public static class Writer extends AbstractItemWriter {
    @Inject CsvImportRun run;

    @Inject
    @BatchProperty(name = "importId")
    String importId;

    @Inject
    @BatchProperty(name = "partner")
    String partner;

    @Inject
    @BatchProperty(name = "run")
    String runNumber;

    @Override
    public void writeItems(List<Object> items) {
      List<ImportRow> rows = new ArrayList<>(items.size());
      for (Object item : items) {
        rows.add((ImportRow) item);
      }
      run.apply(partner(partner), UUID.fromString(importId), Integer.parseInt(runNumber), rows);
    }
  }

  /** Marks the import finished (and fires ImportFinished). */
  @Named("csvImportFinish")
  @Dependent
  public static class Finish extends AbstractBatchlet {
    @Inject CsvImportRun run;

    @Inject
    @BatchProperty(name = "importId")
    String importId;

    @Inject
    @BatchProperty(name = "partner")
    String partner;

    @Inject
    @BatchProperty(name = "run")
    String runNumber;

    @Override
    public String process() {
      run.finish(partner(partner), UUID.fromString(importId), Integer.parseInt(runNumber));
      return BatchStatus.COMPLETED.name();
    }
  }

  /**
   * A job that failed (an error, not its server's death, which runs no listener) marks its import
   * FAILED, so the partner's place for a running import is free again; a superseded run changes
   * nothing (the update is conditional on its run).
   */
  @Named("csvImportListener")
  @Dependent
  public static class Listener extends AbstractJobListener {
    @Inject CsvImportRun run;
    @Inject JobContext job;

    @Inject
    @BatchProperty(name = "importId")
    String importId;

    @Inject
    @BatchProperty(name = "partner")
    String partner;

    @Inject
    @BatchProperty(name = "run")
    String runNumber;

    @Override
    public void afterJob() {
      if (job.getBatchStatus() == BatchStatus.FAILED) {
        run.fail(
            partner(partner),
            UUID.fromString(importId),
            Integer.parseInt(runNumber),
            job.getExitStatus() == null ? "FAILED" : job.getExitStatus());
      }
    }
  }
}
