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
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Usage counters in {@code platform.usage_counter}, written with conditional updates in the
 * caller's transaction (ADR 0014, ADR 0036).
 *
 * <p>A counter that every purchase touches is split into {@code bloom.billing.counter-slots} slots:
 * the counter is the sum of its slots, and each slot is bounded by its share of the ceiling ({@code
 * ceiling / slots}, the remainder spread over the first slots). An addition tries the slots from a
 * random one on, one conditional upsert each, until one has room: the row lock of a slot is held
 * only by the purchases that chose it, so a tenant's purchases no longer queue on one row, and the
 * sum of the shares is the ceiling, so the total never passes it. An addition is refused only after
 * every slot refused it, which happens only when every slot is full — the total is then the
 * ceiling. A waiting update re-checks its slot once the holder commits or rolls back (PostgreSQL
 * re-reads the locked row), so a rolled-back addition frees its room. Counters of chunked additions
 * (CSV rows, added by the hundred) keep one slot.
 */
@ApplicationScoped
public class SqlUsageCounters implements UsageCounters {
  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Inject Clock clock;
  @Inject club.bloom.billing.domain.ApiRequestMeter meter;

  /** API requests are counted in memory for a moment (ADR 0040): write them before reading. */
  private void flushIf(Metric metric) {
    if (metric == Metric.API_REQUESTS) {
      meter.flush();
    }
  }

  @Inject
  @ConfigProperty(name = "bloom.billing.counter-slots", defaultValue = "16")
  int counterSlots;

  /** The number of slots of a metric's counters. */
  int slotsOf(Metric metric) {
    return metric == Metric.CSV_ROWS ? 1 : Math.max(1, counterSlots);
  }

  /** Slot {@code slot}'s share of {@code ceiling} split over {@code slots} slots. */
  static long share(long ceiling, int slots, int slot) {
    return ceiling / slots + (slot < ceiling % slots ? 1 : 0);
  }

  @Override
  public boolean addWithin(
      TenantId tenant, Metric metric, String period, long quantity, OptionalLong ceiling) {
    if (quantity < 0) {
      throw new IllegalArgumentException("usage only grows");
    }
    if (ceiling.isPresent() && quantity > ceiling.getAsLong()) {
      return false;
    }
    int slots = slotsOf(metric);
    int first = slots == 1 ? 0 : ThreadLocalRandom.current().nextInt(slots);
    if (ceiling.isEmpty()) {
      return upsert(tenant, metric, period, first, quantity, OptionalLong.empty());
    }
    for (int i = 0; i < slots; i++) {
      int slot = (first + i) % slots;
      long share = share(ceiling.getAsLong(), slots, slot);
      if (quantity <= share
          && upsert(tenant, metric, period, slot, quantity, OptionalLong.of(share))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds to one slot if it has room. An attempt that finds the slot full holds no lock on it (a
   * plain {@code UPDATE} whose condition fails does not lock the row, where {@code INSERT … ON
   * CONFLICT DO UPDATE … WHERE} would): a transaction ends up holding only the slot it added to, so
   * two of them scanning slots from different starts cannot deadlock.
   */
  private boolean upsert(
      TenantId tenant, Metric metric, String period, int slot, long quantity, OptionalLong bound) {
    if (update(tenant, metric, period, slot, quantity, bound)) {
      return true;
    }
    // No such slot yet, or a full one: create it with this quantity; if another transaction
    // created it meanwhile, the insert waits for it, does nothing, and the update is tried again.
    int inserted =
        em.createNativeQuery(
                "INSERT INTO platform.usage_counter"
                    + " (tenant_id, metric, period, slot, quantity, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .setParameter(1, tenant.value())
            .setParameter(2, metric.name())
            .setParameter(3, period)
            .setParameter(4, (short) slot)
            .setParameter(5, quantity)
            .setParameter(6, Timestamp.from(clock.instant()))
            .executeUpdate();
    return inserted == 1 || update(tenant, metric, period, slot, quantity, bound);
  }

  private boolean update(
      TenantId tenant, Metric metric, String period, int slot, long quantity, OptionalLong bound) {
    Query update =
        em.createNativeQuery(
                "UPDATE platform.usage_counter SET quantity = quantity + ?, updated_at = ?"
                    + " WHERE tenant_id = ? AND metric = ? AND period = ? AND slot = ?"
                    + (bound.isPresent() ? " AND quantity + ? <= ?" : ""))
            .setParameter(1, quantity)
            .setParameter(2, Timestamp.from(clock.instant()))
            .setParameter(3, tenant.value())
            .setParameter(4, metric.name())
            .setParameter(5, period)
            .setParameter(6, (short) slot);
    if (bound.isPresent()) {
      update.setParameter(7, quantity).setParameter(8, bound.getAsLong());
    }
    return update.executeUpdate() == 1;
  }

  @Override
  public long get(TenantId tenant, Metric metric, String period) {
    flushIf(metric);
    List<?> rows =
        em.createNativeQuery(
                "SELECT sum(quantity) FROM platform.usage_counter"
                    + " WHERE tenant_id = ? AND metric = ? AND period = ?")
            .setParameter(1, tenant.value())
            .setParameter(2, metric.name())
            .setParameter(3, period)
            .getResultList();
    return rows.isEmpty() || rows.get(0) == null ? 0 : ((Number) rows.get(0)).longValue();
  }

  @Override
  public Map<String, Long> byPeriodStartingWith(TenantId tenant, Metric metric, String prefix) {
    flushIf(metric);
    Map<String, Long> counters = new TreeMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT period, sum(quantity) FROM platform.usage_counter"
                    + " WHERE tenant_id = ? AND metric = ? AND period LIKE ? GROUP BY period")
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
    flushIf(metric);
    List<UUID> ids = periodOfTenant.keySet().stream().map(TenantId::value).toList();
    List<String> keys = periodOfTenant.values().stream().distinct().toList();
    String sql =
        "SELECT tenant_id, period, sum(quantity) FROM platform.usage_counter WHERE metric = ?"
            + " AND tenant_id IN ("
            + String.join(", ", Collections.nCopies(ids.size(), "?"))
            + ") AND period IN ("
            + String.join(", ", Collections.nCopies(keys.size(), "?"))
            + ") GROUP BY tenant_id, period";
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
