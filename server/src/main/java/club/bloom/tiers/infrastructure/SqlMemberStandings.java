package club.bloom.tiers.infrastructure;

import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import club.bloom.tiers.domain.MemberStandings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Standings in one statement per club: spend net of refunds and distinct categories per member in
 * the window, ranked by spend with a window function, written to {@code member_standing} where they
 * changed. Members without purchases rank last. Only validated schema names are placed in SQL.
 */
@ApplicationScoped
public class SqlMemberStandings implements MemberStandings {
  @Inject TenantEntityManagers schemas;

  /**
   * The statement ({@code ?1} the run's time, {@code ?2} the window's start). Spend and categories
   * are aggregated per member and category first, then per member: two hash or sort aggregates over
   * one scan of the window's purchases, where {@code count(DISTINCT …)} would make PostgreSQL walk
   * the purchases in member order through an index, one random read per purchase. Rows whose
   * standing did not change are not written. Public so that the benchmark can EXPLAIN exactly this
   * statement.
   */
  public static String recomputeSql(SchemaName club) {
    return "INSERT INTO "
        + club
        + ".member_standing (member_id, spent, categories, top_share, computed_at)"
        + " SELECT m.id, coalesce(s.spent, 0), coalesce(s.categories, 0),"
        + " 100.0 * rank() OVER (ORDER BY coalesce(s.spent, 0) DESC) / count(*) OVER (), ?"
        + " FROM "
        + club
        + ".member m LEFT JOIN (SELECT member_id, sum(spent) AS spent,"
        + " count(*) FILTER (WHERE live) AS categories FROM (SELECT member_id, category_code,"
        + " sum(amount - refunded_amount) AS spent, bool_or(amount > refunded_amount) AS live"
        + " FROM "
        + club
        + ".purchase WHERE occurred_at > ? GROUP BY member_id, category_code) c"
        + " GROUP BY member_id) s ON s.member_id = m.id"
        + " ON CONFLICT (member_id) DO UPDATE SET spent = excluded.spent,"
        + " categories = excluded.categories, top_share = excluded.top_share,"
        + " computed_at = excluded.computed_at"
        + " WHERE (member_standing.spent, member_standing.categories, member_standing.top_share)"
        + " IS DISTINCT FROM (excluded.spent, excluded.categories, excluded.top_share)";
  }

  @Override
  public int recompute(SchemaName club, Instant from, Instant now) {
    var em = schemas.of(club);
    // Two runs of one club (two replicas, or the schedule and an operator) take turns here
    // instead of locking the same standings in different orders.
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?))")
        .setParameter(1, club.value())
        .getResultList();
    return em.createNativeQuery(recomputeSql(club))
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, Timestamp.from(from))
        .executeUpdate();
  }

  @Override
  public Duration gracePeriod(SchemaName club) {
    List<?> rows =
        schemas
            .of(club)
            .createNativeQuery("SELECT grace_days FROM " + club + ".tier_policy WHERE id = 1")
            .getResultList();
    return Duration.ofDays(rows.isEmpty() ? 30 : ((Number) rows.get(0)).longValue());
  }

  @Override
  public void setGracePeriod(SchemaName club, Duration grace) {
    schemas
        .of(club)
        .createNativeQuery("UPDATE " + club + ".tier_policy SET grace_days = ? WHERE id = 1")
        .setParameter(1, (int) grace.toDays())
        .executeUpdate();
  }
}
