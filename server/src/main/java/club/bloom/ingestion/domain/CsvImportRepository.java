package club.bloom.ingestion.domain;

import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports (platform.csv_import) and their files, rejections and the partner's mapping (partner
 * schema). Every method that moves a running import is conditional on its {@code run}: a run that
 * lost its import to a restart changes nothing.
 */
public interface CsvImportRepository {
  /**
   * Adds a queued import with its file, unless the partner already has one queued or running (the
   * database's unique index decides).
   *
   * @return false when another import of the partner is queued or running
   */
  boolean addQueued(SchemaName partner, CsvImport queued, byte[] content, ImportMapping mapping);

  Optional<CsvImport> find(TenantId partner, UUID id);

  /** The partner's import queued or running, if any. */
  Optional<CsvImport> active(TenantId partner);

  /** The partner's imports, newest first. */
  List<CsvImport> page(TenantId partner, PageCursor after, int limit);

  /** The file and the mapping it was uploaded with; empty once the import ended. */
  Optional<StoredFile> file(SchemaName partner, UUID id);

  List<ImportRejection> rejections(SchemaName partner, UUID id);

  /** Marks the import RUNNING under {@code run}; false when another run holds it or it ended. */
  boolean start(UUID id, int run, long executionId, Instant now);

  /**
   * Adds a checkpoint's counts and rejections, under {@code run}; false when another run holds the
   * import (nothing written then).
   */
  boolean progress(
      SchemaName partner,
      UUID id,
      int run,
      int done,
      int accepted,
      List<ImportRejection> rejections,
      Instant now);

  /** Marks it FINISHED and drops its file, under {@code run}; the import, or empty. */
  Optional<CsvImport> finish(SchemaName partner, UUID id, int run, Instant now);

  /** Marks it FAILED and drops its file, under {@code run}. */
  void fail(SchemaName partner, UUID id, int run, String error, Instant now);

  /** Queued or running imports whose last sign of life is older than {@code before}. */
  List<CsvImport> stale(Instant before);

  /**
   * Takes a stale import for a new run ({@code run + 1}), if no other replica took it since it was
   * read; true when this caller got it.
   */
  boolean claim(UUID id, int run, Instant before, Instant now);

  /** Records the execution of a run. */
  void executionOf(UUID id, int run, long executionId);

  Optional<ImportMapping> mapping(SchemaName partner);

  void saveMapping(SchemaName partner, ImportMapping mapping, Instant now);

  /** A stored file and its mapping. */
  record StoredFile(byte[] content, ImportMapping mapping) {}
}
