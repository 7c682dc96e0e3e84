package club.bloom.webhooks.infrastructure;

import club.bloom.webhooks.domain.EndpointStatus;
import club.bloom.webhooks.domain.EventType;
import club.bloom.webhooks.domain.WebhookEndpoint;
import club.bloom.webhooks.domain.WebhookEndpoints;
import club.bloom.webhooks.domain.WebhookSecret;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * {@code platform.webhook_endpoint} in JDBC on the application's pool, enlisted in the caller's
 * transaction. Secrets and the notice address are sealed by {@link WebhookSeal} on the way in and
 * opened on the way out: no other class sees the sealed form.
 */
@ApplicationScoped
public class JdbcWebhookEndpoints implements WebhookEndpoints {
  private static final String COLUMNS =
      "id, tenant_id, url, description, event_types, status, disabled_reason, disabled_at, secret,"
          + " previous_secret, previous_secret_until, notify_email, created_at, updated_at";

  @Resource(lookup = "jdbc/bloom")
  DataSource dataSource;

  @Inject WebhookSeal seal;

  public JdbcWebhookEndpoints() {}

  /** For tests on a plain data source. */
  public JdbcWebhookEndpoints(DataSource dataSource, WebhookSeal seal) {
    this.dataSource = dataSource;
    this.seal = seal;
  }

  @Override
  public void add(WebhookEndpoint e) {
    update(
        "INSERT INTO platform.webhook_endpoint ("
            + COLUMNS
            + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.id(),
        e.tenantId(),
        e.url(),
        e.description().orElse(null),
        types(e.eventTypes()),
        e.status().name(),
        e.disabledReason().orElse(null),
        time(e.disabledAt().orElse(null)),
        seal.seal(e.id(), "secret", e.secret().key()),
        e.previousSecret().map(s -> seal.seal(e.id(), "previous_secret", s.key())).orElse(null),
        time(e.previousSecretUntil().orElse(null)),
        e.notifyEmail()
            .map(m -> seal.seal(e.id(), "notify_email", m.getBytes(StandardCharsets.UTF_8)))
            .orElse(null),
        time(e.createdAt()),
        time(e.updatedAt()));
  }

  @Override
  public void update(WebhookEndpoint e) {
    update(
        "UPDATE platform.webhook_endpoint SET status = ?, disabled_reason = ?, disabled_at = ?,"
            + " secret = ?, previous_secret = ?, previous_secret_until = ?, updated_at = ?"
            + " WHERE id = ? AND tenant_id = ?",
        e.status().name(),
        e.disabledReason().orElse(null),
        time(e.disabledAt().orElse(null)),
        seal.seal(e.id(), "secret", e.secret().key()),
        e.previousSecret().map(s -> seal.seal(e.id(), "previous_secret", s.key())).orElse(null),
        time(e.previousSecretUntil().orElse(null)),
        time(e.updatedAt()),
        e.id(),
        e.tenantId());
  }

  @Override
  public Optional<WebhookEndpoint> find(UUID tenantId, UUID id) {
    return one("WHERE tenant_id = ? AND id = ?", tenantId, id);
  }

  @Override
  public Optional<WebhookEndpoint> lock(UUID tenantId, UUID id) {
    return one("WHERE tenant_id = ? AND id = ? FOR UPDATE", tenantId, id);
  }

  @Override
  public Optional<WebhookEndpoint> byId(UUID id) {
    return one("WHERE id = ?", id);
  }

  @Override
  public List<WebhookEndpoint> ofTenant(UUID tenantId) {
    return query("WHERE tenant_id = ? ORDER BY created_at DESC, id", tenantId);
  }

  @Override
  public List<WebhookEndpoint> receiving(UUID tenantId, EventType type) {
    return query("WHERE tenant_id = ? AND status = 'ENABLED' ORDER BY created_at, id", tenantId)
        .stream()
        .filter(e -> e.receives(type))
        .toList();
  }

  @Override
  public boolean delete(UUID tenantId, UUID id) {
    int deleted =
        update(
            "DELETE FROM platform.webhook_endpoint WHERE tenant_id = ? AND id = ?", tenantId, id);
    if (deleted == 0) {
      return false;
    }
    update("DELETE FROM platform.webhook_attempt WHERE endpoint_id = ?", id);
    update("DELETE FROM platform.webhook_message WHERE endpoint_id = ?", id);
    return true;
  }

  private Optional<WebhookEndpoint> one(String where, Object... parameters) {
    List<WebhookEndpoint> found = query(where, parameters);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private List<WebhookEndpoint> query(String where, Object... parameters) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement ps =
            db.prepareStatement("SELECT " + COLUMNS + " FROM platform.webhook_endpoint " + where)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      List<WebhookEndpoint> found = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(read(rs));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read webhook endpoints", e);
    }
  }

  private WebhookEndpoint read(ResultSet rs) throws SQLException {
    UUID id = rs.getObject(1, UUID.class);
    byte[] previous = rs.getBytes(10);
    byte[] notify = rs.getBytes(12);
    return new WebhookEndpoint(
        id,
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getString(4),
        parseTypes(rs.getString(5)),
        EndpointStatus.valueOf(rs.getString(6)),
        rs.getString(7),
        instant(rs, 8),
        WebhookSecret.ofBytes(seal.open(id, "secret", rs.getBytes(9))),
        previous == null ? null : WebhookSecret.ofBytes(seal.open(id, "previous_secret", previous)),
        instant(rs, 11),
        notify == null
            ? null
            : new String(seal.open(id, "notify_email", notify), StandardCharsets.UTF_8),
        instant(rs, 13),
        instant(rs, 14));
  }

  static String types(Set<EventType> types) {
    return types.stream().map(EventType::wireName).sorted().collect(Collectors.joining(","));
  }

  static Set<EventType> parseTypes(String written) {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    Arrays.stream(written.split(","))
        .map(String::strip)
        .map(EventType::ofWireName)
        .flatMap(Optional::stream)
        .forEach(types::add);
    return types;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
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
      throw new IllegalStateException("could not write webhook endpoints", e);
    }
  }
}
