package club.bloom.ledger.infrastructure;

import club.bloom.ledger.domain.ExpiryNotices;
import club.bloom.ledger.domain.PointsExpiringSoon;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One set-based {@code INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING}: the rows it inserts are
 * exactly the expiries not announced before, so a run repeated (or two replicas) announce each
 * once. Enlisted in the caller's JTA transaction.
 */
@ApplicationScoped
public class SqlExpiryNotices implements ExpiryNotices {
  @Resource(lookup = "jdbc/bloom")
  DataSource dataSource;

  @Override
  public List<PointsExpiringSoon> recordDue(
      SchemaName club, TenantId clubId, Instant from, Instant until, Instant now) {
    String sql =
        "WITH due AS (SELECT l.member_id, l.currency, l.expires_at, sum(l.remaining) AS points"
            + " FROM "
            + club
            + ".point_lot l WHERE l.remaining > 0 AND l.expires_at > ? AND l.expires_at <= ?"
            + " GROUP BY l.member_id, l.currency, l.expires_at),"
            + " inserted AS (INSERT INTO "
            + club
            + ".point_expiry_notice (member_id, currency, expires_at, points, noticed_at)"
            + " SELECT member_id, currency, expires_at, points, ? FROM due"
            + " ON CONFLICT DO NOTHING RETURNING member_id, currency, expires_at, points)"
            + " SELECT i.member_id, m.passport_code, i.currency, i.points, i.expires_at"
            + " FROM inserted i JOIN "
            + club
            + ".member m ON m.id = i.member_id ORDER BY i.member_id, i.expires_at";
    List<PointsExpiringSoon> due = new ArrayList<>();
    try (Connection db = dataSource.getConnection();
        PreparedStatement ps = db.prepareStatement(sql)) {
      ps.setObject(1, from.atOffset(ZoneOffset.UTC));
      ps.setObject(2, until.atOffset(ZoneOffset.UTC));
      ps.setObject(3, now.atOffset(ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          due.add(
              new PointsExpiringSoon(
                  clubId,
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getObject(5, OffsetDateTime.class).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not record expiry notices of " + club, e);
    }
    return due;
  }

  @Override
  public int forgetBefore(SchemaName club, Instant before) {
    try (Connection db = dataSource.getConnection();
        PreparedStatement ps =
            db.prepareStatement(
                "DELETE FROM " + club + ".point_expiry_notice WHERE expires_at < ?")) {
      ps.setObject(1, before.atOffset(ZoneOffset.UTC));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not forget expiry notices of " + club, e);
    }
  }
}
