package club.bloom.webhooks.infrastructure;

import club.bloom.webhooks.domain.DeliveryAttempt;
import club.bloom.webhooks.domain.EventType;
import club.bloom.webhooks.domain.WebhookLog;
import club.bloom.webhooks.domain.WebhookMessage;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code platform.webhook_message} and {@code webhook_attempt} in JDBC. {@link #add} and the reads
 * join the caller's transaction; the delivery's writes ({@link #attempted}, {@link #failed}) run in
 * transactions of their own, as the outbox's steps do.
 */
@ApplicationScoped
public class JdbcWebhookLog implements WebhookLog {
  private static final String COLUMNS =
      "id, endpoint_id, tenant_id, event_type, ordering_key, body, status, attempts, created_at,"
          + " last_attempt_at, delivered_at";

  @Resource(lookup = "jdbc/bloom")
  DataSource dataSource;

  @Override
  public void add(WebhookMessage m) {
    update(
        "INSERT INTO platform.webhook_message ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?)",
        m.id(),
        m.endpointId(),
        m.tenantId(),
        m.type().wireName(),
        m.orderingKey(),
        m.body(),
        m.status(),
        m.attempts(),
        time(m.createdAt()),
        time(m.lastAttemptAt().orElse(null)),
        time(m.deliveredAt().orElse(null)));
  }

  @Override
  public Optional<WebhookMessage> message(UUID id) {
    return first(messages("WHERE id = ?", id));
  }

  @Override
  public Optional<WebhookMessage> message(UUID tenantId, UUID endpointId, UUID id) {
    return first(
        messages("WHERE tenant_id = ? AND endpoint_id = ? AND id = ?", tenantId, endpointId, id));
  }

  @Override
  public List<WebhookMessage> messages(
      UUID tenantId, UUID endpointId, int limit, Optional<Instant> before) {
    if (before.isPresent()) {
      return messages(
          "WHERE tenant_id = ? AND endpoint_id = ? AND created_at < ?"
              + " ORDER BY created_at DESC, id LIMIT ?",
          tenantId,
          endpointId,
          time(before.get()),
          limit);
    }
    return messages(
        "WHERE tenant_id = ? AND endpoint_id = ? ORDER BY created_at DESC, id LIMIT ?",
        tenantId,
        endpointId,
        limit);
  }

  @Override
  public List<DeliveryAttempt> attempts(UUID messageId) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement ps =
            db.prepareStatement(
                "SELECT id, message_id, endpoint_id, attempted_at, duration_ms, status_code, error,"
                    + " manual FROM platform.webhook_attempt WHERE message_id = ?"
                    + " ORDER BY attempted_at, id")) {
      ps.setObject(1, messageId);
      List<DeliveryAttempt> found = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int code = rs.getInt(6);
          Optional<Integer> status = rs.wasNull() ? Optional.empty() : Optional.of(code);
          found.add(
              new DeliveryAttempt(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getObject(3, UUID.class),
                  rs.getObject(4, OffsetDateTime.class).toInstant(),
                  rs.getLong(5),
                  status,
                  Optional.ofNullable(rs.getString(7)),
                  rs.getBoolean(8)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the delivery log", e);
    }
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void attempted(DeliveryAttempt a) {
    update(
        "INSERT INTO platform.webhook_attempt (id, message_id, endpoint_id, attempted_at,"
            + " duration_ms, status_code, error, manual) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        a.id(),
        a.messageId(),
        a.endpointId(),
        time(a.attemptedAt()),
        (int) Math.min(Integer.MAX_VALUE, a.durationMillis()),
        a.statusCode().orElse(null),
        a.error().orElse(null),
        a.manual());
    if (a.succeeded()) {
      update(
          "UPDATE platform.webhook_message SET attempts = attempts + 1, last_attempt_at = ?,"
              + " status = 'DELIVERED', delivered_at = ? WHERE id = ?",
          time(a.attemptedAt()),
          time(a.attemptedAt()),
          a.messageId());
    } else {
      update(
          "UPDATE platform.webhook_message SET attempts = attempts + 1, last_attempt_at = ?"
              + " WHERE id = ?",
          time(a.attemptedAt()),
          a.messageId());
    }
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(UUID messageId) {
    update(
        "UPDATE platform.webhook_message SET status = 'FAILED' WHERE id = ? AND status ="
            + " 'PENDING'",
        messageId);
  }

  @Override
  public void pendingAgain(UUID messageId) {
    update(
        "UPDATE platform.webhook_message SET status = 'PENDING', delivered_at = NULL WHERE id = ?",
        messageId);
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purge(Instant before, int limit) {
    update(
        "DELETE FROM platform.webhook_attempt WHERE message_id IN (SELECT id FROM"
            + " platform.webhook_message WHERE created_at < ? LIMIT ?)",
        time(before),
        limit);
    return update(
        "DELETE FROM platform.webhook_message WHERE id IN (SELECT id FROM"
            + " platform.webhook_message WHERE created_at < ? LIMIT ?)",
        time(before),
        limit);
  }

  private List<WebhookMessage> messages(String where, Object... parameters) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement ps =
            db.prepareStatement("SELECT " + COLUMNS + " FROM platform.webhook_message " + where)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      List<WebhookMessage> found = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(
              new WebhookMessage(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getObject(3, UUID.class),
                  EventType.ofWireName(rs.getString(4)).orElseThrow(),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getInt(8),
                  rs.getObject(9, OffsetDateTime.class).toInstant(),
                  Optional.ofNullable(rs.getObject(10, OffsetDateTime.class))
                      .map(OffsetDateTime::toInstant),
                  Optional.ofNullable(rs.getObject(11, OffsetDateTime.class))
                      .map(OffsetDateTime::toInstant)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read webhook messages", e);
    }
  }

  private static Optional<WebhookMessage> first(List<WebhookMessage> found) {
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private int update(String sql, Object... parameters) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement ps = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not write the delivery log", e);
    }
  }
}
