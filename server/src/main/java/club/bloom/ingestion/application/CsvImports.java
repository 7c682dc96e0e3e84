package club.bloom.ingestion.application;

import club.bloom.billing.application.Quotas;
import club.bloom.billing.domain.Limit;
import club.bloom.ingestion.domain.CsvImport;
import club.bloom.ingestion.domain.CsvImportFile;
import club.bloom.ingestion.domain.CsvImportRepository;
import club.bloom.ingestion.domain.ImportMapping;
import club.bloom.ingestion.domain.ImportRejection;
import club.bloom.shared.domain.Conflict;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A partner's daily CSV imports (ADR 0041): upload, progress, rejected rows, the column mapping. An
 * upload is checked whole (header against the mapping, encoding, row count within today's {@code
 * csvRowsPerDay}, no other import queued or running) and stored with its file in one transaction,
 * then handed to the batch job, which records every row through {@link PurchaseIntake} — the API's
 * path, with its rules and idempotency.
 */
@ApplicationScoped
public class CsvImports {
  private static final Logger LOG = Logger.getLogger(CsvImports.class.getName());

  @Inject CsvImportRepository imports;
  @Inject Quotas quotas;
  @Inject ImportJobs jobs;
  @Inject Clock clock;
  @Inject CsvImports self;

  /** An upload: the partner, the file's name and bytes, who sent it. */
  public record UploadCsv(Tenant partner, String fileName, byte[] content, String uploadedBy) {}

  /**
   * Checks and queues a file, then starts its job (after the commit). A job that could not start
   * now is started by {@link CsvImportRecovery}.
   *
   * @throws InvalidInput the file cannot be read with the partner's mapping, or has no rows
   * @throws Conflict another import of the partner is queued or running (409)
   * @throws club.bloom.billing.domain.QuotaExceeded its rows exceed what is left of today's
   *     csvRowsPerDay (402); nothing of the file is imported
   */
  public CsvImport upload(UploadCsv command) {
    CsvImport queued = self.queue(command);
    try {
      long execution =
          jobs.start(queued.id(), queued.partner(), queued.run(), queued.executionId());
      imports.executionOf(queued.id(), queued.run(), execution);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "csv import " + queued.id() + ": job not started; recovery will", e);
    }
    return imports.find(queued.partner(), queued.id()).orElse(queued);
  }

  /** The checks and the queueing of {@link #upload}, in one transaction (public for its proxy). */
  @Transactional
  public CsvImport queue(UploadCsv command) {
    Tenant partner = command.partner();
    if (command.content() == null || command.content().length == 0) {
      throw InvalidInput.of("body", "is required: the CSV file");
    }
    ImportMapping mapping = mappingOf(partner);
    CsvImportFile file = CsvImportFile.open(command.content(), mapping);
    int rows = file.countRows();
    if (rows == 0) {
      throw InvalidInput.of("file", "has no data rows below its header");
    }
    Instant now = clock.instant();
    CsvImport queued =
        new CsvImport(
            UUID.randomUUID(),
            partner.id(),
            command.fileName(),
            command.content().length,
            CsvImport.Status.QUEUED,
            rows,
            0,
            0,
            0,
            0,
            null,
            command.uploadedBy(),
            now,
            null,
            null);
    if (!imports.addQueued(partner.schema(), queued, command.content(), mapping)) {
      String running = imports.active(partner.id()).map(i -> " (import " + i.id() + ")").orElse("");
      throw new Conflict(
          "import-running",
          "An import is already running",
          "This partner has an import queued or running"
              + running
              + "; upload the next file once it has finished");
    }
    // Last: the day's counter row stays locked until the commit (Quotas). Refuses the whole file.
    quotas.consume(partner, Limit.CSV_ROWS_PER_DAY, rows);
    return queued;
  }

  /** One of the partner's imports. */
  public CsvImport find(Tenant partner, UUID id) {
    return imports.find(partner.id(), id).orElseThrow(() -> unknown(id));
  }

  /** The partner's imports, newest first. */
  public List<CsvImport> page(Tenant partner, PageCursor after, int limit) {
    return imports.page(partner.id(), after, limit);
  }

  /** The rows of an import that were not applied, by line. */
  @Transactional
  public List<ImportRejection> rejections(Tenant partner, UUID id) {
    find(partner, id);
    return imports.rejections(partner.schema(), id);
  }

  /** The partner's mapping, or the standard one (Bloom's field names, comma, point, UTF-8). */
  @Transactional
  public ImportMapping mappingOf(Tenant partner) {
    return imports
        .mapping(partner.schema())
        .orElseGet(() -> ImportMapping.standard(ZoneId.of(partner.timeZone())));
  }

  /** Saves the partner's mapping; files uploaded from now on are read with it. */
  @Transactional
  public ImportMapping saveMapping(Tenant partner, ImportMapping mapping) {
    imports.saveMapping(partner.schema(), mapping, clock.instant());
    return mapping;
  }

  private static NotFound unknown(UUID id) {
    return new NotFound("unknown-import", "Unknown import", "No import " + id + " for this caller");
  }
}
