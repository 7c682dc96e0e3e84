package club.bloom.tenancy.infrastructure;

import club.bloom.tenancy.domain.Savepoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Savepoints on the connection of the current JTA transaction, through the transaction's one entity
 * manager (ADR 0040); see {@link TenantEntityManagers#rollbackToSavepoint} for the search path.
 */
@ApplicationScoped
public class JtaSavepoints implements Savepoints {
  @Inject TenantEntityManagers schemas;

  @Override
  public void mark(String name) {
    schemas.savepoint(name);
  }

  @Override
  public void rollbackTo(String name) {
    schemas.rollbackToSavepoint(name);
  }

  @Override
  public void release(String name) {
    schemas.releaseSavepoint(name);
  }

  @Override
  public boolean doomed() {
    return schemas.rollbackOnly();
  }
}
