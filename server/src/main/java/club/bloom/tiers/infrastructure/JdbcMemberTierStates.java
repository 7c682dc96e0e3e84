package club.bloom.tiers.infrastructure;

import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tiers.domain.MemberStandings.Standing;
import club.bloom.tiers.domain.MemberTierState;
import club.bloom.tiers.domain.MemberTierStates;
import club.bloom.tiers.domain.TierChange;
import club.bloom.tiers.domain.TierReview;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Members' tier state in plain JDBC on the application's pool, enlisted in the caller's JTA
 * transaction: a page is one keyset query (member and standing joined on their primary keys), the
 * writes are two JDBC batches (the members' rows under their version, then the history rows of
 * those written). Only validated schema names are placed in SQL.
 */
@ApplicationScoped
public class JdbcMemberTierStates implements MemberTierStates {
  @Resource(lookup = "jdbc/bloom")
  DataSource dataSource;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  /**
   * The page query: the page of members by their primary key, then each one's standing by its
   * primary key. The {@code LATERAL … LIMIT 1} keeps it a nested loop of key lookups: as a plain
   * join, PostgreSQL merged or hashed against the whole standings table, so a page cost grew with
   * its position (O(n²) over a run). Public so that the benchmark can EXPLAIN exactly this
   * statement.
   */
  public static String pageSql(SchemaName club, boolean after) {
    return "SELECT m.id, m.version, m.tier_code, m.manual_tier, m.manual_until,"
        + " m.below_tier_since, s.spent, s.categories, s.top_share FROM (SELECT id, version,"
        + " tier_code, manual_tier, manual_until, below_tier_since FROM "
        + club
        // Members merged into another hold no tier and no purchases: not reviewed.
        + ".member WHERE status <> 'MERGED'"
        + (after ? " AND id > ?" : "")
        + " ORDER BY id LIMIT ?) m LEFT JOIN LATERAL (SELECT spent, categories, top_share FROM "
        + club
        + ".member_standing WHERE member_id = m.id LIMIT 1) s ON true ORDER BY m.id";
  }

  @Override
  public List<MemberTierState> page(SchemaName club, Optional<UUID> after, int size) {
    List<MemberTierState> page = new ArrayList<>(size);
    try (Connection db = connection();
        PreparedStatement ps = db.prepareStatement(pageSql(club, after.isPresent()))) {
      int p = 1;
      if (after.isPresent()) {
        ps.setObject(p++, after.get());
      }
      ps.setInt(p, size);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Optional<Standing> standing =
              rs.getBigDecimal(7) == null
                  ? Optional.empty()
                  : Optional.of(
                      new Standing(
                          new Money(rs.getBigDecimal(7), Money.RUB),
                          rs.getInt(8),
                          rs.getBigDecimal(9)));
          page.add(
              new MemberTierState(
                  rs.getObject(1, UUID.class),
                  rs.getLong(2),
                  Optional.ofNullable(rs.getString(3)),
                  Optional.ofNullable(rs.getString(4)),
                  instant(rs, 5),
                  instant(rs, 6),
                  standing));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading members' tiers of " + club + " failed", e);
    }
    return page;
  }

  @Override
  public Set<UUID> write(SchemaName club, List<TierReview> reviews, Instant now) {
    Set<UUID> written = new HashSet<>();
    if (reviews.isEmpty()) {
      return written;
    }
    try (Connection db = connection()) {
      try (PreparedStatement ps =
          db.prepareStatement(
              "UPDATE "
                  + club
                  + ".member SET tier_code = ?, below_tier_since = ?, version = version + 1"
                  + " WHERE id = ? AND version = ?")) {
        for (TierReview r : reviews) {
          ps.setString(1, r.tier().orElse(null));
          if (r.belowSince().isPresent()) {
            ps.setObject(2, r.belowSince().get().atOffset(ZoneOffset.UTC));
          } else {
            ps.setNull(2, Types.TIMESTAMP_WITH_TIMEZONE);
          }
          ps.setObject(3, r.memberId());
          ps.setLong(4, r.version());
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] > 0) {
            written.add(reviews.get(i).memberId());
          }
        }
      }
      try (PreparedStatement ps =
          db.prepareStatement(
              "INSERT INTO "
                  + club
                  + ".tier_change (id, member_id, from_tier, to_tier, reason, changed_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")) {
        boolean any = false;
        for (TierReview r : reviews) {
          if (r.changesTier() && written.contains(r.memberId())) {
            TierChange change = r.change(now);
            ps.setObject(1, change.id());
            ps.setObject(2, change.memberId());
            ps.setString(3, change.fromTier().orElse(null));
            ps.setString(4, change.toTier());
            ps.setString(5, change.reason());
            ps.setObject(6, change.changedAt().atOffset(ZoneOffset.UTC));
            ps.addBatch();
            any = true;
          }
        }
        if (any) {
          ps.executeBatch();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("writing members' tiers of " + club + " failed", e);
    }
    return written;
  }

  /** A connection enlisted in the current JTA transaction (never an auto-committing one). */
  private Connection connection() throws SQLException {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("tenant data is read and written inside a transaction only");
    }
    return dataSource.getConnection();
  }

  private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }
}
