package club.bloom.nightly.infrastructure;

import club.bloom.nightly.domain.FailureReason;
import club.bloom.nightly.domain.NightlyRun;
import club.bloom.nightly.domain.NightlyRunLog;
import club.bloom.nightly.domain.RunHistory;
import club.bloom.nightly.domain.RunOutcome;
import club.bloom.nightly.domain.RunTrigger;
import club.bloom.tenancy.domain.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code platform.nightly_run} and the runs' lock, in plain JDBC on the non-transactional pool
 * ({@code jdbc/bloom-nontx}, each statement commits on its own).
 *
 * <p>The lock of a kind and club is a <em>session</em> advisory lock, {@code
 * pg_try_advisory_lock(hashtextextended('nightly:<kind>:<club id>', 0))}, held by one pooled
 * connection for the whole run: a run is many transactions (the standings, one per chunk), so a
 * transaction-scoped lock could not cover it, and a session lock is released by PostgreSQL when its
 * connection ends — a replica that dies never leaves a club locked. The records of a locked run are
 * written on that same connection. On release, a connection whose unlock did not succeed is aborted
 * rather than returned to the pool with the lock still held.
 */
@ApplicationScoped
public class SqlNightlyRunLog implements NightlyRunLog {
  private static final Logger LOG = Logger.getLogger(SqlNightlyRunLog.class.getName());
  private static final TypeReference<TreeMap<String, Long>> COUNTS = new TypeReference<>() {};
  private static final String COLUMNS =
      "r.id, r.kind, r.club_id, t.slug, r.night, r.scheduled_for, r.started_by, r.attempt,"
          + " r.replica, r.started_at, r.finished_at, r.outcome, r.reason, r.error, r.counts::text";
  private static final String HISTORY =
      "SELECT club_id, outcome, started_at, finished_at, reason FROM platform.nightly_run"
          + " WHERE kind = ? AND started_at > ? AND outcome <> 'RUNNING'";
  private static final String LOCK_KEY = "hashtextextended(?, 0)";

  @Resource(lookup = "jdbc/bloom-nontx")
  DataSource dataSource;

  public SqlNightlyRunLog() {}

  /** For tests on a plain data source (each statement commits). */
  public SqlNightlyRunLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Map<UUID, RunHistory> histories(String kind, Instant since) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement ps = db.prepareStatement(HISTORY)) {
      ps.setString(1, kind);
      ps.setTimestamp(2, Timestamp.from(since));
      return histories(ps);
    } catch (SQLException e) {
      throw new IllegalStateException("nightly runs: records not read", e);
    }
  }

  private static Map<UUID, RunHistory> histories(PreparedStatement ps) throws SQLException {
    Map<UUID, Instant> successes = new HashMap<>();
    Map<UUID, List<RunHistory.Failure>> failures = new HashMap<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        UUID club = rs.getObject(1, UUID.class);
        Instant started = rs.getTimestamp(3).toInstant();
        if (RunOutcome.SUCCEEDED.name().equals(rs.getString(2))) {
          successes.merge(club, started, (a, b) -> a.isAfter(b) ? a : b);
        } else {
          failures
              .computeIfAbsent(club, k -> new ArrayList<>())
              .add(
                  new RunHistory.Failure(
                      started,
                      rs.getTimestamp(4).toInstant(),
                      FailureReason.INTERRUPTED.equals(rs.getString(5))));
        }
      }
    }
    Map<UUID, RunHistory> histories = new HashMap<>();
    for (UUID club : successes.keySet()) {
      histories.put(club, history(club, successes, failures));
    }
    for (UUID club : failures.keySet()) {
      histories.put(club, history(club, successes, failures));
    }
    return histories;
  }

  private static RunHistory history(
      UUID club, Map<UUID, Instant> successes, Map<UUID, List<RunHistory.Failure>> failures) {
    return new RunHistory(
        Optional.ofNullable(successes.get(club)), failures.getOrDefault(club, List.of()));
  }

  @Override
  public Optional<ClubLock> tryLock(String kind, TenantId club) {
    String key = "nightly:" + kind + ":" + club.value();
    Connection db = null;
    try {
      db = dataSource.getConnection();
      db.setAutoCommit(true);
      boolean locked;
      try (PreparedStatement ps =
          db.prepareStatement("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          locked = rs.getBoolean(1);
        }
      }
      if (!locked) {
        db.close();
        return Optional.empty();
      }
      return Optional.of(new HeldLock(db, key, kind, club.value()));
    } catch (SQLException e) {
      if (db != null) {
        discard(db);
      }
      throw new IllegalStateException("nightly runs: lock not taken", e);
    }
  }

  @Override
  public Page page(Filter filter, Optional<Position> after, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(
                " FROM platform.nightly_run r JOIN platform.tenant t ON t.id = r.club_id"
                    + " WHERE true");
    List<Object> params = new ArrayList<>();
    filter
        .club()
        .ifPresent(
            c -> {
              sql.append(" AND r.club_id = ?");
              params.add(c.value());
            });
    filter
        .kind()
        .ifPresent(
            k -> {
              sql.append(" AND r.kind = ?");
              params.add(k);
            });
    filter
        .outcome()
        .ifPresent(
            o -> {
              sql.append(" AND r.outcome = ?");
              params.add(o.name());
            });
    after.ifPresent(
        p -> {
          sql.append(" AND (r.started_at, r.id) < (?, ?)");
          params.add(Timestamp.from(p.startedAt()));
          params.add(p.id());
        });
    sql.append(" ORDER BY r.started_at DESC, r.id DESC LIMIT ?");
    params.add(limit + 1);
    List<NightlyRun> runs = new ArrayList<>();
    try (Connection db = dataSource.getConnection();
        PreparedStatement ps = db.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          runs.add(run(rs));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("nightly runs: records not read", e);
    }
    if (runs.size() <= limit) {
      return new Page(runs, Optional.empty());
    }
    List<NightlyRun> page = runs.subList(0, limit);
    NightlyRun last = page.get(limit - 1);
    return new Page(List.copyOf(page), Optional.of(new Position(last.startedAt(), last.id())));
  }

  private static NightlyRun run(ResultSet rs) throws SQLException {
    Timestamp finished = rs.getTimestamp(11);
    String reason = rs.getString(13);
    String error = rs.getString(14);
    return new NightlyRun(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        new TenantId(rs.getObject(3, UUID.class)),
        rs.getString(4),
        rs.getObject(5, java.time.LocalDate.class),
        rs.getTimestamp(6).toInstant(),
        RunTrigger.valueOf(rs.getString(7)),
        rs.getInt(8),
        rs.getString(9),
        rs.getTimestamp(10).toInstant(),
        Optional.ofNullable(finished).map(Timestamp::toInstant),
        RunOutcome.valueOf(rs.getString(12)),
        Optional.ofNullable(reason).map(r -> new FailureReason(r, error == null ? "-" : error)),
        JsonMapper.shared().readValue(rs.getString(15), COUNTS));
  }

  /** Closes a connection that may still hold a lock without returning it to the pool as is. */
  private static void discard(Connection db) {
    try {
      Executor now = Runnable::run;
      db.abort(now);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.FINE, "nightly runs: abort of a connection failed", e);
    }
    try {
      db.close();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "nightly runs: close of an aborted connection failed", e);
    }
  }

  /** The lock held on one connection, and the writes made under it. */
  private static final class HeldLock implements ClubLock {
    private final Connection db;
    private final String key;
    private final String kind;
    private final UUID club;
    private boolean closed;

    HeldLock(Connection db, String key, String kind, UUID club) {
      this.db = db;
      this.key = key;
      this.kind = kind;
      this.club = club;
    }

    @Override
    public RunHistory history(Instant since) {
      try (PreparedStatement ps = db.prepareStatement(HISTORY + " AND club_id = ?")) {
        ps.setString(1, kind);
        ps.setTimestamp(2, Timestamp.from(since));
        ps.setObject(3, club);
        return histories(ps).getOrDefault(club, RunHistory.none());
      } catch (SQLException e) {
        throw new IllegalStateException("nightly runs: records not read", e);
      }
    }

    @Override
    public int abandonRunning(Instant now) {
      try (PreparedStatement ps =
          db.prepareStatement(
              "UPDATE platform.nightly_run SET outcome = 'FAILED', reason = ?, error = '-',"
                  + " finished_at = greatest(?, started_at)"
                  + " WHERE kind = ? AND club_id = ? AND outcome = 'RUNNING'")) {
        ps.setString(1, FailureReason.INTERRUPTED);
        ps.setTimestamp(2, Timestamp.from(now));
        ps.setString(3, kind);
        ps.setObject(4, club);
        int abandoned = ps.executeUpdate();
        if (abandoned > 0) {
          LOG.warning(
              () ->
                  "nightly runs: "
                      + abandoned
                      + " "
                      + kind
                      + " run(s) of club "
                      + club
                      + " were left running by a runner that is gone: recorded as interrupted");
        }
        return abandoned;
      } catch (SQLException e) {
        throw new IllegalStateException("nightly runs: records not written", e);
      }
    }

    @Override
    public boolean start(NightlyRun run) {
      try (PreparedStatement ps =
          db.prepareStatement(
              "INSERT INTO platform.nightly_run (id, kind, club_id, night, scheduled_for,"
                  + " started_by, attempt, replica, started_at, outcome)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING') ON CONFLICT DO NOTHING")) {
        ps.setObject(1, run.id());
        ps.setString(2, run.kind());
        ps.setObject(3, run.club().value());
        ps.setObject(4, run.night());
        ps.setTimestamp(5, Timestamp.from(run.scheduledFor()));
        ps.setString(6, run.trigger().name());
        ps.setInt(7, run.attempt());
        ps.setString(8, run.replica());
        ps.setTimestamp(9, Timestamp.from(run.startedAt()));
        return ps.executeUpdate() == 1;
      } catch (SQLException e) {
        throw new IllegalStateException("nightly runs: record not written", e);
      }
    }

    @Override
    public void finish(
        UUID run,
        RunOutcome outcome,
        Optional<FailureReason> failure,
        Map<String, Long> counts,
        Instant finishedAt) {
      try (PreparedStatement ps =
          db.prepareStatement(
              "UPDATE platform.nightly_run SET outcome = ?, reason = ?, error = ?,"
                  + " counts = CAST(? AS jsonb), finished_at = greatest(?, started_at)"
                  + " WHERE id = ? AND outcome = 'RUNNING'")) {
        ps.setString(1, outcome.name());
        ps.setString(2, failure.map(FailureReason::code).orElse(null));
        ps.setString(3, failure.map(FailureReason::error).orElse(null));
        ps.setString(4, JsonMapper.shared().writeValueAsString(new TreeMap<>(counts)));
        ps.setTimestamp(5, Timestamp.from(finishedAt));
        ps.setObject(6, run);
        ps.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException("nightly runs: record not written", e);
      }
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      boolean released = false;
      try (PreparedStatement ps =
          db.prepareStatement("SELECT pg_advisory_unlock(" + LOCK_KEY + ")")) {
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
          released = rs.next() && rs.getBoolean(1);
        }
      } catch (SQLException e) {
        LOG.log(Level.WARNING, "nightly runs: unlock failed; dropping the connection", e);
      }
      if (released) {
        try {
          db.close();
        } catch (SQLException e) {
          LOG.log(Level.FINE, "nightly runs: close failed", e);
        }
      } else {
        // The session may still hold the lock: it must not go back to the pool.
        discard(db);
      }
    }
  }
}
