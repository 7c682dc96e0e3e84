package club.bloom.billing.infrastructure;

import club.bloom.billing.domain.Metric;
import club.bloom.billing.domain.UsageCounters;
import club.bloom.tenancy.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Usage counters in {@code platform.usage_counter}, written with one conditional upsert in the
 * caller's transaction: the row lock taken by the upsert serialises concurrent additions of one
 * tenant, metric and period, and the condition keeps their total within the ceiling.
 */
@ApplicationScoped
public class SqlUsageCounters implements UsageCounters {
  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Inject Clock clock;

  @Override
  public boolean addWithin(
      TenantId tenant, Metric metric, String period, long quantity, OptionalLong ceiling) {
    if (quantity < 0) {
      throw new IllegalArgumentException("usage only grows");
    }
    if (ceiling.isPresent() && quantity > ceiling.getAsLong()) {
      return false;
    }
    String sql =
        "INSERT INTO platform.usage_counter (tenant_id, metric, period, quantity, updated_at)"
            + " VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (tenant_id, metric, period) DO UPDATE"
            + " SET quantity = usage_counter.quantity + EXCLUDED.quantity,"
            + " updated_at = EXCLUDED.updated_at"
            + (ceiling.isPresent() ? " WHERE usage_counter.quantity + EXCLUDED.quantity <= ?" : "");
    Query upsert =
        em.createNativeQuery(sql)
            .setParameter(1, tenant.value())
            .setParameter(2, metric.name())
            .setParameter(3, period)
            .setParameter(4, quantity)
            .setParameter(5, Timestamp.from(clock.instant()));
    if (ceiling.isPresent()) {
      upsert.setParameter(6, ceiling.getAsLong());
    }
    return upsert.executeUpdate() == 1;
  }

  @Override
  public long get(TenantId tenant, Metric metric, String period) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT quantity FROM platform.usage_counter"
                    + " WHERE tenant_id = ? AND metric = ? AND period = ?")
            .setParameter(1, tenant.value())
            .setParameter(2, metric.name())
            .setParameter(3, period)
            .getResultList();
    return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
  }

  @Override
  public Map<String, Long> byPeriodStartingWith(TenantId tenant, Metric metric, String prefix) {
    Map<String, Long> counters = new TreeMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT period, quantity FROM platform.usage_counter"
                    + " WHERE tenant_id = ? AND metric = ? AND period LIKE ?")
            .setParameter(1, tenant.value())
            .setParameter(2, metric.name())
            .setParameter(3, prefix.replace("%", "").replace("_", "") + "%")
            .getResultList()) {
      Object[] cols = (Object[]) row;
      counters.put((String) cols[0], ((Number) cols[1]).longValue());
    }
    return counters;
  }

  @Override
  public Map<TenantId, Long> of(Map<TenantId, String> periodOfTenant, Metric metric) {
    if (periodOfTenant.isEmpty()) {
      return Map.of();
    }
    List<UUID> ids = periodOfTenant.keySet().stream().map(TenantId::value).toList();
    List<String> keys = periodOfTenant.values().stream().distinct().toList();
    String sql =
        "SELECT tenant_id, period, quantity FROM platform.usage_counter WHERE metric = ?"
            + " AND tenant_id IN ("
            + String.join(", ", Collections.nCopies(ids.size(), "?"))
            + ") AND period IN ("
            + String.join(", ", Collections.nCopies(keys.size(), "?"))
            + ")";
    Query query = em.createNativeQuery(sql).setParameter(1, metric.name());
    int i = 2;
    for (UUID id : ids) {
      query.setParameter(i++, id);
    }
    for (String key : keys) {
      query.setParameter(i++, key);
    }
    Map<TenantId, Long> counters = new HashMap<>();
    for (Object row : query.getResultList()) {
      Object[] cols = (Object[]) row;
      TenantId id = new TenantId(UUID.fromString(cols[0].toString()));
      if (cols[1].equals(periodOfTenant.get(id))) {
        counters.put(id, ((Number) cols[2]).longValue());
      }
    }
    return counters;
  }
}
