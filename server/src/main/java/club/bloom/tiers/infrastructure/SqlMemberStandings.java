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
   * The window's spend and categories per member, as the query of a {@code CREATE TEMP TABLE … AS}
   * (which, unlike an {@code INSERT … SELECT}, PostgreSQL may run with parallel workers). Spend and
   * categories are aggregated per member and category first, then per member: aggregates over one
   * sequential scan of the window's purchases, where {@code count(DISTINCT …)} made PostgreSQL walk
   * them in member order through an index, one random read per purchase. The window's start is a
   * literal (a utility statement takes no parameters), formatted from an {@link Instant}. Public so
   * that the benchmark can EXPLAIN exactly this query.
   */
  public static String spendSql(SchemaName club, Instant from) {
    return "SELECT member_id, sum(spent) AS spent, count(*) FILTER (WHERE live) AS categories"
        + " FROM (SELECT member_id, category_code, sum(amount - refunded_amount) AS spent,"
        + " bool_or(amount > refunded_amount) AS live FROM "
        + club
        + ".purchase WHERE occurred_at > '"
        + from
        + "'::timestamptz GROUP BY member_id, category_code) c GROUP BY member_id";
  }

  /**
   * Every member's standing from the window's spend ({@code ?1} the run's time): members without
   * purchases rank last, {@code top_share} = 100 × rank / members (members merged into another are
   * not counted). Public so that the benchmark can EXPLAIN exactly this statement.
   */
  public static String rankSql(SchemaName club, String spend) {
    return "INSERT INTO "
        + club
        + ".member_standing (member_id, spent, categories, top_share, computed_at)"
        + " SELECT m.id, coalesce(s.spent, 0), coalesce(s.categories, 0),"
        + " 100.0 * rank() OVER (ORDER BY coalesce(s.spent, 0) DESC) / count(*) OVER (), ?"
        + " FROM "
        + club
        + ".member m LEFT JOIN "
        + spend
        + " s ON s.member_id = m.id WHERE m.status <> 'MERGED'";
  }

  /**
   * Recomputes all standings in the caller's transaction: the window's spend into a temporary
   * table, then the standings replaced (a {@code TRUNCATE} and one insert: rank shifts touch nearly
   * every member each night, and a fresh table leaves no dead rows behind).
   */
  @Override
  public int recompute(SchemaName club, Instant from, Instant now) {
    var em = schemas.of(club);
    // Two runs of one club (two replicas, or the schedule and an operator) take turns here.
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?))")
        .setParameter(1, club.value())
        .getResultList();
    em.createNativeQuery(
            "CREATE TEMP TABLE bloom_window_spend ON COMMIT DROP AS " + spendSql(club, from))
        .executeUpdate();
    em.createNativeQuery("TRUNCATE " + club + ".member_standing").executeUpdate();
    return em.createNativeQuery(rankSql(club, "bloom_window_spend"))
        .setParameter(1, Timestamp.from(now))
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
