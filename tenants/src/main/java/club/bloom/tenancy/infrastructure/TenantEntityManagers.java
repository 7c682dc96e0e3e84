package club.bloom.tenancy.infrastructure;

import club.bloom.tenancy.domain.SchemaName;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.SynchronizationType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * Schema routing: one entity manager per tenant schema per JTA transaction, all on the one
 * connection pool. Entities of club and partner schemas are {@code @Multitenant(TABLE_PER_TENANT)}
 * with a schema discriminator, so the schema is fixed when the entity manager is created and every
 * statement it issues is qualified with that schema — a flush can never land in another tenant's
 * schema. See ADR 0003.
 *
 * <p>Only repositories (infrastructure) call this, with schemas that application services took from
 * tenants they resolved from the verified caller; nothing here reads a request.
 */
@ApplicationScoped
public class TenantEntityManagers {

  private static final String KEY_PREFIX = TenantEntityManagers.class.getName() + ":";

  @PersistenceUnit(unitName = "bloom")
  EntityManagerFactory emf;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  /** The entity manager bound to {@code schema} in the current transaction. */
  public EntityManager of(SchemaName schema) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("tenant data is read and written inside a transaction only");
    }
    String key = KEY_PREFIX + schema.value();
    EntityManager em = (EntityManager) transactions.getResource(key);
    if (em == null) {
      EntityManager created =
          emf.createEntityManager(
              SynchronizationType.SYNCHRONIZED,
              Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT, schema.value()));
      created.joinTransaction();
      transactions.putResource(key, created);
      transactions.registerInterposedSynchronization(new CloseAfterCompletion(created));
      em = created;
    }
    return em;
  }

  private record CloseAfterCompletion(EntityManager em) implements Synchronization {
    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (em.isOpen()) {
        em.close();
      }
    }
  }
}
