package club.bloom.communications.infrastructure;

import club.bloom.communications.domain.Channel;
import club.bloom.communications.domain.ClaimedMessage;
import club.bloom.communications.domain.Outbox;
import club.bloom.communications.domain.OutboxStats;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code platform.outbox_message} in plain JDBC on the application's pool. {@link #append} is
 * enlisted in the caller's JTA transaction; each dispatcher step is one statement in a transaction
 * of its own. The claim is a single {@code UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)}:
 * concurrent dispatchers (threads or replicas) take disjoint rows without waiting for each other,
 * and the lease ({@code next_attempt_at} moved past the claim) hides a claimed row from later
 * claims until it runs out — which is how a row claimed by a replica that died is taken over. Every
 * time is the database's ({@code statement_timestamp()}).
 */
@ApplicationScoped
public class SqlOutbox implements Outbox {
  static final String CLAIM =
      "UPDATE platform.outbox_message m SET claim_token = ?, claimed_by = ?,"
          + " attempts = m.attempts + 1, last_attempt_at = statement_timestamp(),"
          + " next_attempt_at = statement_timestamp() + make_interval(secs => ?)"
          + " WHERE m.id IN (SELECT o.id FROM platform.outbox_message o"
          + " WHERE o.status = 'PENDING' AND o.next_attempt_at <= statement_timestamp()"
          // In order per key (ADR 0042): not while an earlier row of its key is pending.
          + " AND (o.ordering_key IS NULL OR NOT EXISTS (SELECT 1 FROM platform.outbox_message e"
          + " WHERE e.ordering_key = o.ordering_key AND e.status = 'PENDING' AND e.seq < o.seq))"
          + " ORDER BY o.next_attempt_at LIMIT ? FOR UPDATE OF o SKIP LOCKED)"
          + " RETURNING m.id, m.channel, m.kind, m.attempts, m.created_at, m.last_attempt_at,"
          + " m.payload";

  @Resource(lookup = "jdbc/bloom")
  DataSource dataSource;

  public SqlOutbox() {}

  /** For tests on a plain data source (each statement commits). */
  public SqlOutbox(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void append(
      UUID id, Channel channel, String kind, byte[] sealedPayload, String orderingKey) {
    update(
        "INSERT INTO platform.outbox_message (id, channel, kind, status, payload, attempts,"
            + " next_attempt_at, created_at, ordering_key) VALUES (?, ?, ?, 'PENDING', ?, 0,"
            + " statement_timestamp(), statement_timestamp(), ?)",
        id,
        channel.name(),
        kind,
        sealedPayload,
        orderingKey);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<ClaimedMessage> claim(String replica, int limit, Duration lease) {
    UUID claim = UUID.randomUUID();
    List<ClaimedMessage> claimed = new ArrayList<>();
    try (Connection db = dataSource.getConnection();
        PreparedStatement ps = db.prepareStatement(CLAIM)) {
      ps.setObject(1, claim);
      ps.setString(2, replica);
      ps.setDouble(3, lease.toMillis() / 1000.0);
      ps.setInt(4, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          claimed.add(
              new ClaimedMessage(
                  rs.getObject(1, UUID.class),
                  Channel.valueOf(rs.getString(2)),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getObject(5, OffsetDateTime.class).toInstant(),
                  rs.getObject(6, OffsetDateTime.class).toInstant(),
                  claim,
                  rs.getBytes(7)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not claim outbox rows", e);
    }
    return claimed;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean delivered(UUID id, UUID claim) {
    return update(
            "UPDATE platform.outbox_message SET status = 'DELIVERED', payload = NULL,"
                + " last_error = NULL, claim_token = NULL, finished_at = statement_timestamp()"
                + " WHERE id = ? AND claim_token = ? AND status = 'PENDING'",
            id,
            claim)
        == 1;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean retry(UUID id, UUID claim, Duration delay, String error) {
    return update(
            "UPDATE platform.outbox_message SET last_error = ?, claim_token = NULL,"
                + " next_attempt_at = statement_timestamp() + make_interval(secs => ?)"
                + " WHERE id = ? AND claim_token = ? AND status = 'PENDING'",
            error,
            delay.toMillis() / 1000.0,
            id,
            claim)
        == 1;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean failed(UUID id, UUID claim, String error) {
    return update(
            "UPDATE platform.outbox_message SET status = 'FAILED', payload = NULL,"
                + " last_error = ?, claim_token = NULL, finished_at = statement_timestamp()"
                + " WHERE id = ? AND claim_token = ? AND status = 'PENDING'",
            error,
            id,
            claim)
        == 1;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean release(UUID id, UUID claim) {
    return update(
            "UPDATE platform.outbox_message SET claim_token = NULL,"
                + " attempts = greatest(attempts - 1, 0), next_attempt_at = statement_timestamp()"
                + " WHERE id = ? AND claim_token = ? AND status = 'PENDING'",
            id,
            claim)
        == 1;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purge(Duration keepDelivered, Duration keepFailed, int limit) {
    return update(
        "DELETE FROM platform.outbox_message WHERE id IN (SELECT id FROM platform.outbox_message"
            + " WHERE (status = 'DELIVERED' AND finished_at < statement_timestamp()"
            + " - make_interval(secs => ?)) OR (status = 'FAILED' AND finished_at <"
            + " statement_timestamp() - make_interval(secs => ?)) LIMIT ?)",
        (double) keepDelivered.toSeconds(),
        (double) keepFailed.toSeconds(),
        limit);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public OutboxStats stats() {
    // Each figure from its own index: the partial index of pending rows, the finished index.
    try (Connection db = dataSource.getConnection();
        Statement st = db.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT (SELECT count(*) FROM platform.outbox_message WHERE status = 'PENDING'),"
                    + " (SELECT extract(epoch FROM statement_timestamp() - min(created_at))"
                    + " FROM platform.outbox_message WHERE status = 'PENDING'),"
                    + " (SELECT count(*) FROM platform.outbox_message WHERE status = 'FAILED'"
                    + " AND finished_at > statement_timestamp() - interval '24 hours')")) {
      rs.next();
      double oldest = rs.getDouble(2);
      Optional<Duration> oldestPending =
          rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis((long) (oldest * 1000)));
      return new OutboxStats(rs.getLong(1), oldestPending, rs.getLong(3));
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the outbox's figures", e);
    }
  }

  private int update(String sql, Object... parameters) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement ps = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("outbox statement failed", e);
    }
  }
}
