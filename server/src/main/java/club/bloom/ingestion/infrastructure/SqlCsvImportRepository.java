package club.bloom.ingestion.infrastructure;

import club.bloom.ingestion.domain.CsvImport;
import club.bloom.ingestion.domain.CsvImportRepository;
import club.bloom.ingestion.domain.ImportField;
import club.bloom.ingestion.domain.ImportMapping;
import club.bloom.ingestion.domain.ImportRejection;
import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports in {@code platform.csv_import}; files, rejections and the mapping in the partner's schema
 * (ADR 0041). SQL in the caller's transaction — or, for the launcher's and the recovery's single
 * statements (a claim, an execution id), in one of its own (hence {@code @Transactional}).
 */
@ApplicationScoped
@Transactional
public class SqlCsvImportRepository implements CsvImportRepository {
  private static final String COLUMNS =
      "id, partner_id, file_name, file_size, status, rows_total, rows_done, rows_accepted,"
          + " rows_rejected, restarts, execution_id, uploaded_by, created_at, started_at,"
          + " finished_at";

  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Inject TenantEntityManagers schemas;

  @Override
  public boolean addQueued(
      SchemaName partner, CsvImport queued, byte[] content, ImportMapping mapping) {
    int added =
        em.createNativeQuery(
                "INSERT INTO platform.csv_import (id, partner_id, file_name, file_size, status,"
                    + " rows_total, uploaded_by, created_at, heartbeat_at)"
                    + " VALUES (?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .setParameter(1, queued.id())
            .setParameter(2, queued.partner().value())
            .setParameter(3, queued.fileName())
            .setParameter(4, queued.fileSize())
            .setParameter(5, queued.rowsTotal())
            .setParameter(6, queued.uploadedBy())
            .setParameter(7, Timestamp.from(queued.createdAt()))
            .setParameter(8, Timestamp.from(queued.createdAt()))
            .executeUpdate();
    if (added == 0) {
      return false;
    }
    schemas
        .of(partner)
        .createNativeQuery(
            "INSERT INTO csv_import_file (import_id, content, mapping) VALUES (?, ?, ?)")
        .setParameter(1, queued.id())
        .setParameter(2, content)
        .setParameter(3, toJson(mapping))
        .executeUpdate();
    return true;
  }

  @Override
  public Optional<CsvImport> find(TenantId partner, UUID id) {
    return first(
        em.createNativeQuery(
                "SELECT " + COLUMNS + " FROM platform.csv_import WHERE id = ? AND partner_id = ?")
            .setParameter(1, id)
            .setParameter(2, partner.value()));
  }

  @Override
  public Optional<CsvImport> active(TenantId partner) {
    return first(
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM platform.csv_import WHERE partner_id = ? AND status IN ('QUEUED',"
                    + " 'RUNNING')")
            .setParameter(1, partner.value()));
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<CsvImport> page(TenantId partner, PageCursor after, int limit) {
    String where = after == null ? "" : " AND (created_at < ? OR (created_at = ? AND id < ?))";
    Query q =
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM platform.csv_import WHERE partner_id = ?"
                    + where
                    + " ORDER BY created_at DESC, id DESC")
            .setParameter(1, partner.value())
            .setMaxResults(limit);
    if (after != null) {
      q.setParameter(2, Timestamp.from(after.at()))
          .setParameter(3, Timestamp.from(after.at()))
          .setParameter(4, after.id());
    }
    return ((List<Object[]>) q.getResultList()).stream().map(SqlCsvImportRepository::of).toList();
  }

  @Override
  public Optional<StoredFile> file(SchemaName partner, UUID id) {
    List<?> rows =
        schemas
            .of(partner)
            .createNativeQuery(
                "SELECT content, mapping::text FROM csv_import_file WHERE import_id = ?")
            .setParameter(1, id)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r -> {
              Object[] row = (Object[]) r;
              return new StoredFile((byte[]) row[0], fromJson((String) row[1]));
            });
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<ImportRejection> rejections(SchemaName partner, UUID id) {
    List<Object[]> rows =
        schemas
            .of(partner)
            .createNativeQuery(
                "SELECT line_number, field, reason, receipt_number FROM csv_import_rejection"
                    + " WHERE import_id = ? ORDER BY line_number, seq")
            .setParameter(1, id)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ImportRejection(
                    ((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3]))
        .toList();
  }

  @Override
  public boolean start(UUID id, int run, long executionId, Instant now) {
    return em.createNativeQuery(
                "UPDATE platform.csv_import SET status = 'RUNNING', execution_id = ?,"
                    + " started_at = coalesce(started_at, ?), heartbeat_at = ?"
                    + " WHERE id = ? AND restarts = ? AND status IN ('QUEUED', 'RUNNING')")
            .setParameter(1, executionId)
            .setParameter(2, Timestamp.from(now))
            .setParameter(3, Timestamp.from(now))
            .setParameter(4, id)
            .setParameter(5, run)
            .executeUpdate()
        == 1;
  }

  @Override
  public boolean progress(
      SchemaName partner,
      UUID id,
      int run,
      int done,
      int accepted,
      List<ImportRejection> rejections,
      Instant now) {
    int updated =
        em.createNativeQuery(
                "UPDATE platform.csv_import SET rows_done = rows_done + ?,"
                    + " rows_accepted = rows_accepted + ?, rows_rejected = rows_rejected + ?,"
                    + " heartbeat_at = ? WHERE id = ? AND restarts = ? AND status = 'RUNNING'")
            .setParameter(1, done)
            .setParameter(2, accepted)
            .setParameter(3, done - accepted)
            .setParameter(4, Timestamp.from(now))
            .setParameter(5, id)
            .setParameter(6, run)
            .executeUpdate();
    if (updated == 0) {
      return false;
    }
    EntityManager tenant = schemas.of(partner);
    int seq = 0;
    int lastLine = -1;
    for (ImportRejection r : rejections) {
      seq = r.line() == lastLine ? seq + 1 : 0;
      lastLine = r.line();
      tenant
          .createNativeQuery(
              "INSERT INTO csv_import_rejection (import_id, line_number, seq, field, reason,"
                  + " receipt_number) VALUES (?, ?, ?, ?, ?, ?)")
          .setParameter(1, id)
          .setParameter(2, r.line())
          .setParameter(3, seq)
          .setParameter(4, cut(r.field(), 64))
          .setParameter(5, cut(r.reason(), 500))
          .setParameter(6, r.receiptNumber())
          .executeUpdate();
    }
    return true;
  }

  @Override
  public Optional<CsvImport> finish(SchemaName partner, UUID id, int run, Instant now) {
    int updated =
        em.createNativeQuery(
                "UPDATE platform.csv_import SET status = 'FINISHED', finished_at = ?,"
                    + " heartbeat_at = ? WHERE id = ? AND restarts = ? AND status = 'RUNNING'")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, Timestamp.from(now))
            .setParameter(3, id)
            .setParameter(4, run)
            .executeUpdate();
    if (updated == 0) {
      return Optional.empty();
    }
    schemas
        .of(partner)
        .createNativeQuery("DELETE FROM csv_import_file WHERE import_id = ?")
        .setParameter(1, id)
        .executeUpdate();
    return first(
        em.createNativeQuery("SELECT " + COLUMNS + " FROM platform.csv_import WHERE id = ?")
            .setParameter(1, id));
  }

  @Override
  public void fail(SchemaName partner, UUID id, int run, String error, Instant now) {
    int updated =
        em.createNativeQuery(
                "UPDATE platform.csv_import SET status = 'FAILED', finished_at = ?, error = ?"
                    + " WHERE id = ? AND restarts = ? AND status IN ('QUEUED', 'RUNNING')")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, cut(error, 200))
            .setParameter(3, id)
            .setParameter(4, run)
            .executeUpdate();
    if (updated == 1) {
      schemas
          .of(partner)
          .createNativeQuery("DELETE FROM csv_import_file WHERE import_id = ?")
          .setParameter(1, id)
          .executeUpdate();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<CsvImport> stale(Instant before) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM platform.csv_import WHERE status IN ('QUEUED', 'RUNNING')"
                    + " AND heartbeat_at < ? ORDER BY created_at LIMIT 50")
            .setParameter(1, Timestamp.from(before))
            .getResultList();
    return rows.stream().map(SqlCsvImportRepository::of).toList();
  }

  @Override
  public boolean claim(UUID id, int run, Instant before, Instant now) {
    return em.createNativeQuery(
                "UPDATE platform.csv_import SET restarts = restarts + 1, heartbeat_at = ?"
                    + " WHERE id = ? AND restarts = ? AND heartbeat_at < ?"
                    + " AND status IN ('QUEUED', 'RUNNING')")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, id)
            .setParameter(3, run)
            .setParameter(4, Timestamp.from(before))
            .executeUpdate()
        == 1;
  }

  @Override
  public void executionOf(UUID id, int run, long executionId) {
    em.createNativeQuery(
            "UPDATE platform.csv_import SET execution_id = ? WHERE id = ? AND restarts = ?")
        .setParameter(1, executionId)
        .setParameter(2, id)
        .setParameter(3, run)
        .executeUpdate();
  }

  @Override
  public Optional<ImportMapping> mapping(SchemaName partner) {
    List<?> rows =
        schemas
            .of(partner)
            .createNativeQuery("SELECT mapping::text FROM csv_import_mapping WHERE id = 1")
            .getResultList();
    return rows.stream().findFirst().map(r -> fromJson((String) r));
  }

  @Override
  public void saveMapping(SchemaName partner, ImportMapping mapping, Instant now) {
    schemas
        .of(partner)
        .createNativeQuery(
            "INSERT INTO csv_import_mapping (id, mapping, updated_at) VALUES (1, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET mapping = excluded.mapping,"
                + " updated_at = excluded.updated_at")
        .setParameter(1, toJson(mapping))
        .setParameter(2, Timestamp.from(now))
        .executeUpdate();
  }

  static String toJson(ImportMapping mapping) {
    JsonObjectBuilder columns = Json.createObjectBuilder();
    mapping.columns().forEach((f, header) -> columns.add(f.field(), header));
    return Json.createObjectBuilder()
        .add("columns", columns)
        .add("delimiter", String.valueOf(mapping.delimiter()))
        .add("decimalSeparator", String.valueOf(mapping.decimalSeparator()))
        .add("encoding", mapping.encoding())
        .add("timeZone", mapping.timeZone().getId())
        .build()
        .toString();
  }

  static ImportMapping fromJson(String json) {
    JsonObject o = Json.createReader(new StringReader(json)).readObject();
    Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
    JsonObject c = o.getJsonObject("columns");
    for (String field : c.keySet()) {
      ImportField.of(field).ifPresent(f -> columns.put(f, c.getString(field)));
    }
    return new ImportMapping(
        columns,
        o.getString("delimiter").charAt(0),
        o.getString("decimalSeparator").charAt(0),
        o.getString("encoding"),
        ZoneId.of(o.getString("timeZone")));
  }

  private static Optional<CsvImport> first(Query query) {
    List<?> rows = query.getResultList();
    return rows.stream().findFirst().map(r -> of((Object[]) r));
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static CsvImport of(Object[] r) {
    return new CsvImport(
        (UUID) r[0],
        new TenantId((UUID) r[1]),
        (String) r[2],
        ((Number) r[3]).longValue(),
        CsvImport.Status.valueOf((String) r[4]),
        ((Number) r[5]).intValue(),
        ((Number) r[6]).intValue(),
        ((Number) r[7]).intValue(),
        ((Number) r[8]).intValue(),
        ((Number) r[9]).intValue(),
        r[10] == null ? null : ((Number) r[10]).longValue(),
        (String) r[11],
        instant(r[12]),
        instant(r[13]),
        instant(r[14]));
  }

  private static Instant instant(Object o) {
    return o == null ? null : ((Timestamp) o).toInstant();
  }
}
