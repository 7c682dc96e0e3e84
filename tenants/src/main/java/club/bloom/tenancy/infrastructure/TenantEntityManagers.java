package club.bloom.tenancy.infrastructure;

import club.bloom.tenancy.domain.SchemaName;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Schema routing (ADR 0036, superseding 0003): the transaction's one entity manager, with the
 * tenant schemas it works in on the connection's search path. Club and partner entities are plain
 * entities whose tables are named without a schema; {@code SET LOCAL}-style {@code
 * set_config('search_path', …, true)} puts the schema of the tenant the application service
 * resolved from the verified caller on the search path of the transaction's connection:
 *
 * <ul>
 *   <li>a transaction works in at most one club schema and one partner schema; asking for a second
 *       of either kind is a programming error ({@link IllegalStateException}). Club and partner
 *       tables have different names (a unit test checks the changelogs), so with both schemas on
 *       the path each name still resolves to one table;
 *   <li>the path only grows within a transaction: an insert EclipseLink defers until a later flush
 *       still reaches the table it was meant for;
 *   <li>the setting is local to the transaction: PostgreSQL drops it at commit or rollback, so a
 *       connection returned to the pool carries no tenant into the next transaction; outside a
 *       transaction nothing here works.
 * </ul>
 *
 * Descriptors and parsed queries are built once for all tenants, and statements are the same text
 * for every tenant, so they are prepared once per connection (PostgreSQL re-plans a prepared
 * statement when the search path changed since it last ran).
 *
 * <p>Only repositories (infrastructure) call this, with schemas that application services took from
 * tenants they resolved from the verified caller; nothing here reads a request.
 */
@ApplicationScoped
public class TenantEntityManagers {

  private static final String KEY = TenantEntityManagers.class.getName() + ":path";

  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  /** The transaction's entity manager, with {@code schema} on its search path. */
  public EntityManager of(SchemaName schema) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("tenant data is read and written inside a transaction only");
    }
    TenantPath path = (TenantPath) transactions.getResource(KEY);
    if (path == null) {
      path = new TenantPath();
      transactions.putResource(KEY, path);
    }
    if (path.add(schema)) {
      em.createNativeQuery("SELECT set_config('search_path', ?, true)")
          .setParameter(1, path.searchPath())
          .getSingleResult();
    }
    return em;
  }

  /**
   * Flushes, then marks a savepoint on the transaction's connection. {@code name} is a constant of
   * the caller (an SQL identifier), never input.
   */
  void savepoint(String name) {
    requireTransaction();
    em.flush();
    em.createNativeQuery("SAVEPOINT " + identifier(name)).executeUpdate();
  }

  /**
   * Drops the persistence context's unflushed changes and rolls the connection back to the
   * savepoint. PostgreSQL also undoes a {@code set_config(…, true)} made after the savepoint, so
   * the path this transaction asked for is set again: the Java side ({@link TenantPath}) and the
   * connection always agree, and a schema added after the savepoint stays allowed (the transaction
   * still holds at most one club and one partner).
   */
  void rollbackToSavepoint(String name) {
    requireTransaction();
    em.clear();
    em.createNativeQuery("ROLLBACK TO SAVEPOINT " + identifier(name)).executeUpdate();
    TenantPath path = (TenantPath) transactions.getResource(KEY);
    if (path != null && !path.searchPath().isEmpty()) {
      em.createNativeQuery("SELECT set_config('search_path', ?, true)")
          .setParameter(1, path.searchPath())
          .getSingleResult();
    }
  }

  /** Flushes and releases the savepoint (what was done since it stays in the transaction). */
  void releaseSavepoint(String name) {
    requireTransaction();
    em.flush();
    em.createNativeQuery("RELEASE SAVEPOINT " + identifier(name)).executeUpdate();
  }

  /** Whether the current transaction is marked for rollback only. */
  boolean rollbackOnly() {
    return transactions.getTransactionStatus() == Status.STATUS_MARKED_ROLLBACK;
  }

  private void requireTransaction() {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("savepoints exist inside an active transaction only");
    }
  }

  private static String identifier(String name) {
    if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("not a savepoint name: " + name);
    }
    return name;
  }

  /** The schemas on the search path of the current transaction, in order (for tests). */
  public String currentPath() {
    return String.valueOf(
        em.createNativeQuery("SELECT current_setting('search_path')").getSingleResult());
  }
}
