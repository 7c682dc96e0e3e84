package club.bloom.billing.infrastructure;

import club.bloom.billing.domain.LimitOverride;
import club.bloom.billing.domain.PlanChange;
import club.bloom.billing.domain.SubscriptionRepository;
import club.bloom.tenancy.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Subscriptions, plan histories and overrides in the platform schema. */
@ApplicationScoped
public class JpaSubscriptionRepository implements SubscriptionRepository {
  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Override
  public List<PlanChange> changes(TenantId tenant) {
    return em.createQuery(
            "select c from PlanChange c where c.tenantId = :tenant order by c.effectiveFrom",
            PlanChange.class)
        .setParameter("tenant", tenant.value())
        .getResultList();
  }

  @Override
  public Map<TenantId, List<PlanChange>> changes(Collection<TenantId> tenants) {
    Map<TenantId, List<PlanChange>> byTenant = new HashMap<>();
    if (tenants.isEmpty()) {
      return byTenant;
    }
    List<UUID> ids = tenants.stream().map(TenantId::value).distinct().toList();
    for (PlanChange c :
        em.createQuery(
                "select c from PlanChange c where c.tenantId in :ids order by c.effectiveFrom",
                PlanChange.class)
            .setParameter("ids", ids)
            .getResultList()) {
      byTenant.computeIfAbsent(c.tenant(), t -> new java.util.ArrayList<>()).add(c);
    }
    return byTenant;
  }

  @Override
  public List<LimitOverride> overrides(TenantId tenant) {
    return em.createQuery(
            "select o from LimitOverride o where o.tenantId = :tenant order by o.limitName",
            LimitOverride.class)
        .setParameter("tenant", tenant.value())
        .getResultList();
  }

  @Override
  public Map<TenantId, List<LimitOverride>> overrides(Collection<TenantId> tenants) {
    Map<TenantId, List<LimitOverride>> byTenant = new HashMap<>();
    if (tenants.isEmpty()) {
      return byTenant;
    }
    List<UUID> ids = tenants.stream().map(TenantId::value).distinct().toList();
    for (LimitOverride o :
        em.createQuery(
                "select o from LimitOverride o where o.tenantId in :ids order by o.limitName",
                LimitOverride.class)
            .setParameter("ids", ids)
            .getResultList()) {
      byTenant.computeIfAbsent(o.tenant(), t -> new java.util.ArrayList<>()).add(o);
    }
    return byTenant;
  }

  @Override
  public void open(TenantId tenant, String plan, Instant since, Instant now) {
    int opened =
        em.createNativeQuery(
                "INSERT INTO platform.subscription (tenant_id, created_at, updated_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT (tenant_id) DO NOTHING")
            .setParameter(1, tenant.value())
            .setParameter(2, Timestamp.from(now))
            .setParameter(3, Timestamp.from(now))
            .executeUpdate();
    if (opened == 1) {
      // Whoever opens the subscription records the first plan; a concurrent opener waits on the
      // row above and then inserts nothing.
      em.createNativeQuery(
              "INSERT INTO platform.plan_change (id, tenant_id, plan_code, effective_from,"
                  + " requested_by, requested_at)"
                  + " SELECT ?, ?, ?, ?, 'provisioning', ?"
                  + " WHERE NOT EXISTS (SELECT 1 FROM platform.plan_change WHERE tenant_id = ?)")
          .setParameter(1, UUID.randomUUID())
          .setParameter(2, tenant.value())
          .setParameter(3, plan)
          .setParameter(4, Timestamp.from(since))
          .setParameter(5, Timestamp.from(now))
          .setParameter(6, tenant.value())
          .executeUpdate();
    }
  }

  @Override
  public void lock(TenantId tenant, String defaultPlan, Instant since, Instant now) {
    open(tenant, defaultPlan, since, now);
    em.createNativeQuery(
            "SELECT tenant_id FROM platform.subscription WHERE tenant_id = ? FOR UPDATE")
        .setParameter(1, tenant.value())
        .getResultList();
  }

  @Override
  public void add(PlanChange change) {
    em.persist(change);
    em.createNativeQuery("UPDATE platform.subscription SET updated_at = ? WHERE tenant_id = ?")
        .setParameter(1, Timestamp.from(change.requestedAt()))
        .setParameter(2, change.tenant().value())
        .executeUpdate();
  }

  @Override
  public void cancelChangesAfter(TenantId tenant, Instant at) {
    for (PlanChange pending :
        em.createQuery(
                "select c from PlanChange c where c.tenantId = :tenant and c.effectiveFrom > :at",
                PlanChange.class)
            .setParameter("tenant", tenant.value())
            .setParameter("at", at)
            .getResultList()) {
      em.remove(pending);
    }
    em.flush();
  }

  @Override
  public void replaceOverrides(TenantId tenant, List<LimitOverride> overrides) {
    Map<String, LimitOverride> wanted = new HashMap<>();
    overrides.forEach(o -> wanted.put(o.limit().contractName(), o));
    for (LimitOverride existing : overrides(tenant)) {
      LimitOverride replacement = wanted.remove(existing.limit().contractName());
      if (replacement == null) {
        em.remove(existing);
      } else {
        existing.change(
            replacement.value().isPresent() ? replacement.value().getAsLong() : null,
            replacement.setBy(),
            replacement.setAt());
      }
    }
    wanted.values().forEach(em::persist);
  }
}
