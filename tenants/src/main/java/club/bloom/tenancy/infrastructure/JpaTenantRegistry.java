package club.bloom.tenancy.infrastructure;

import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import club.bloom.tenancy.domain.TrustedIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The registry in the platform schema (transaction-scoped, container-managed entity manager). */
@ApplicationScoped
public class JpaTenantRegistry implements TenantRegistry {

  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Override
  public Optional<Tenant> find(TenantKind kind, Slug slug) {
    return em.createQuery(
            "select t from Tenant t where t.kind = :kind and t.slug = :slug", Tenant.class)
        .setParameter("kind", kind)
        .setParameter("slug", slug.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Tenant> withSchemas() {
    return em.createQuery(
            "select t from Tenant t where t.provisioningStep <> :registered"
                + " order by t.kind, t.slug",
            Tenant.class)
        .setParameter("registered", club.bloom.tenancy.domain.ProvisioningStep.REGISTERED)
        .getResultList();
  }

  @Override
  public java.util.Map<String, String> schemaRevisions() {
    java.util.Map<String, String> revisions = new java.util.HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT schema_name, revision FROM platform.schema_revision")
            .getResultList();
    for (Object[] row : rows) {
      revisions.put((String) row[0], (String) row[1]);
    }
    return revisions;
  }

  @Override
  public void schemaMigrated(
      club.bloom.tenancy.domain.SchemaName schema,
      String revision,
      int changesets,
      java.time.Instant at) {
    em.createNativeQuery(
            "INSERT INTO platform.schema_revision (schema_name, revision, changesets, migrated_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (schema_name) DO UPDATE SET revision ="
                + " excluded.revision, changesets = excluded.changesets, migrated_at ="
                + " excluded.migrated_at")
        .setParameter(1, schema.value())
        .setParameter(2, revision)
        .setParameter(3, changesets)
        .setParameter(4, java.sql.Timestamp.from(at))
        .executeUpdate();
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    return Optional.ofNullable(em.find(Tenant.class, id.value()));
  }

  @Override
  public List<Tenant> findAll(List<TenantId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<UUID> raw = ids.stream().map(TenantId::value).distinct().toList();
    return em.createQuery("select t from Tenant t where t.id in :ids", Tenant.class)
        .setParameter("ids", raw)
        .getResultList();
  }

  @Override
  public List<Tenant> active(TenantKind kind) {
    return em.createQuery(
            "select t from Tenant t where t.kind = :kind and t.status = :status order by t.slug",
            Tenant.class)
        .setParameter("kind", kind)
        .setParameter("status", club.bloom.tenancy.domain.TenantStatus.ACTIVE)
        .getResultList();
  }

  @Override
  public List<Tenant> page(TenantFilter filter, Optional<TenantKey> after, int limit) {
    // Clubs come before partners; within a kind, by slug.
    StringBuilder jpql = new StringBuilder("select t from Tenant t where 1 = 1");
    filter.kind().ifPresent(k -> jpql.append(" and t.kind = :kind"));
    filter.status().ifPresent(s -> jpql.append(" and t.status = :status"));
    filter
        .text()
        .ifPresent(
            x ->
                jpql.append(
                    " and (locate(:text, lower(t.slug)) > 0 or locate(:text, lower(t.name)) > 0)"));
    after.ifPresent(
        a ->
            jpql.append(
                a.kind() == TenantKind.CLUB
                    ? " and ((t.kind = :club and t.slug > :afterSlug) or t.kind = :partner)"
                    : " and t.kind = :partner and t.slug > :afterSlug"));
    jpql.append(" order by t.kind, t.slug");
    var query = em.createQuery(jpql.toString(), Tenant.class).setMaxResults(limit);
    filter.kind().ifPresent(k -> query.setParameter("kind", k));
    filter.status().ifPresent(s -> query.setParameter("status", s));
    filter.text().ifPresent(x -> query.setParameter("text", x.toLowerCase(Locale.ROOT)));
    after.ifPresent(
        a -> {
          query.setParameter("afterSlug", a.slug().value());
          query.setParameter("partner", TenantKind.PARTNER);
          if (a.kind() == TenantKind.CLUB) {
            query.setParameter("club", TenantKind.CLUB);
          }
        });
    return query.getResultList();
  }

  @Override
  public void add(Tenant tenant) {
    em.persist(tenant);
  }

  @Override
  public Optional<TrustedIssuer> trustedIssuer(String issuer) {
    return Optional.ofNullable(em.find(TrustedIssuer.class, issuer));
  }

  @Override
  public void trust(TrustedIssuer issuer) {
    if (em.find(TrustedIssuer.class, issuer.issuer()) == null) {
      em.persist(issuer);
    }
  }
}
