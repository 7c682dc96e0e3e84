package club.bloom.tiers.infrastructure;

import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import club.bloom.tiers.domain.MemberStandings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Standings in one statement per club: spend net of refunds and distinct categories per member in
 * the window, ranked by spend with a window function, written to {@code member_standing}. Members
 * without purchases rank last. Only validated schema names are placed in SQL.
 */
@ApplicationScoped
public class SqlMemberStandings implements MemberStandings {
  @Inject TenantEntityManagers schemas;

  @Override
  public int recompute(SchemaName club, Instant from, Instant now) {
    return schemas
        .of(club)
        .createNativeQuery(
            "INSERT INTO "
                + club
                + ".member_standing (member_id, spent, categories, top_share, computed_at)"
                + " SELECT m.id, coalesce(s.spent, 0), coalesce(s.categories, 0),"
                + " 100.0 * rank() OVER (ORDER BY coalesce(s.spent, 0) DESC) / count(*) OVER (), ?"
                + " FROM "
                + club
                + ".member m LEFT JOIN (SELECT member_id, sum(amount - refunded_amount) AS spent,"
                + " count(DISTINCT category_code) FILTER (WHERE amount > refunded_amount)"
                + " AS categories FROM "
                + club
                + ".purchase WHERE occurred_at > ? GROUP BY member_id) s ON s.member_id = m.id"
                + " ON CONFLICT (member_id) DO UPDATE SET spent = excluded.spent,"
                + " categories = excluded.categories, top_share = excluded.top_share,"
                + " computed_at = excluded.computed_at")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, Timestamp.from(from))
        .executeUpdate();
  }

  @Override
  public Optional<Standing> of(SchemaName club, UUID memberId) {
    List<?> rows =
        schemas
            .of(club)
            .createNativeQuery(
                "SELECT spent, categories, top_share FROM "
                    + club
                    + ".member_standing WHERE member_id = ?")
            .setParameter(1, memberId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(
        new Standing(
            new Money((BigDecimal) row[0], Money.RUB),
            ((Number) row[1]).intValue(),
            new BigDecimal(row[2].toString())));
  }

  @Override
  public List<UUID> members(SchemaName club) {
    return schemas
        .of(club)
        .createQuery("select m.id from Member m order by m.id", UUID.class)
        .getResultList();
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
