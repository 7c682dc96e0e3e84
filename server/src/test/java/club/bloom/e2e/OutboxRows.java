package club.bloom.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Rows of {@code platform.outbox_message} as the database holds them, for the outbox's ITs. */
final class OutboxRows {
  private OutboxRows() {}

  /** One row; {@code hasPayload} tells whether the sealed payload is still there. */
  record Row(
      UUID id,
      String channel,
      String kind,
      String status,
      boolean hasPayload,
      int attempts,
      String claimedBy,
      String lastError) {}

  /** The database's clock now: rows written after it are the test's own. */
  static Timestamp now() {
    try (Connection db = Fixtures.db();
        ResultSet rs = db.createStatement().executeQuery("SELECT statement_timestamp()")) {
      rs.next();
      return rs.getTimestamp(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** The rows of a kind written since {@code since}, oldest first. */
  static List<Row> since(Timestamp since, String kind) {
    return query("created_at >= ? AND kind = ? ORDER BY created_at", since, kind);
  }

  static Optional<Row> byId(UUID id) {
    return query("id = ?", id).stream().findFirst();
  }

  /** The id in a mail's {@code Message-ID}: {@code <id@domain>}. */
  static UUID idOf(String messageId) {
    if (messageId == null || !messageId.startsWith("<") || !messageId.contains("@")) {
      throw new AssertionError("not an outbox Message-ID: " + messageId);
    }
    return UUID.fromString(messageId.substring(1, messageId.indexOf('@')));
  }

  /** Waits until the only row of a kind written since {@code since} satisfies the condition. */
  static Row awaitOnly(Timestamp since, String kind, Predicate<Row> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      List<Row> rows = since(since, kind);
      if (rows.size() > 1) {
        throw new AssertionError("more than one row: " + rows);
      }
      if (rows.size() == 1 && condition.test(rows.get(0))) {
        return rows.get(0);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout + ": " + rows);
      }
      sleep(200);
    }
  }

  /** Waits until the row satisfies the condition. */
  static Row await(UUID id, Predicate<Row> condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Optional<Row> row = byId(id);
      if (row.isPresent() && condition.test(row.get())) {
        return row.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout + ": " + row);
      }
      sleep(200);
    }
  }

  static int update(String sql, Object... parameters) {
    try (Connection db = Fixtures.db();
        PreparedStatement ps = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Row> query(String where, Object... parameters) {
    List<Row> rows = new ArrayList<>();
    try (Connection db = Fixtures.db();
        PreparedStatement ps =
            db.prepareStatement(
                "SELECT id, channel, kind, status, payload IS NOT NULL, attempts, claimed_by,"
                    + " last_error FROM platform.outbox_message WHERE "
                    + where)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getBoolean(5),
                  rs.getInt(6),
                  rs.getString(7),
                  rs.getString(8)));
        }
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return rows;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
