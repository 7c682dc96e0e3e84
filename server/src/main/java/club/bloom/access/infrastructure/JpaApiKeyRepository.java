package club.bloom.access.infrastructure;

import club.bloom.access.domain.ApiKey;
import club.bloom.access.domain.ApiKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

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
  public void add(ApiKey key) {
    em.persist(key);
  }
}
