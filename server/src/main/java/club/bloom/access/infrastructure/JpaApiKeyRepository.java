package club.bloom.access.infrastructure;

import club.bloom.access.domain.ApiKey;
import club.bloom.access.domain.ApiKeyRepository;
import club.bloom.tenancy.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys in the platform schema. */
@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {
  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Override
  public Optional<ApiKey> findBySecretHash(byte[] hash) {
    return em.createQuery("select k from ApiKey k where k.secretHash = :hash", ApiKey.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<ApiKey> find(TenantId tenant, UUID id) {
    return byId(tenant, id, LockModeType.NONE);
  }

  @Override
  public Optional<ApiKey> lock(TenantId tenant, UUID id) {
    return byId(tenant, id, LockModeType.PESSIMISTIC_WRITE);
  }

  private Optional<ApiKey> byId(TenantId tenant, UUID id, LockModeType lock) {
    return em.createQuery(
            "select k from ApiKey k where k.id = :id and k.tenantId = :tenant", ApiKey.class)
        .setParameter("id", id)
        .setParameter("tenant", tenant.value())
        .setLockMode(lock)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ApiKey> ofTenant(TenantId tenant) {
    return em.createQuery(
            "select k from ApiKey k where k.tenantId = :tenant order by k.createdAt desc, k.id",
            ApiKey.class)
        .setParameter("tenant", tenant.value())
        .getResultList();
  }

  @Override
  public void add(ApiKey key) {
    em.persist(key);
  }
}
