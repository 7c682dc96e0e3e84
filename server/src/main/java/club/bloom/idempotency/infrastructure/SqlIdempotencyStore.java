package club.bloom.idempotency.infrastructure;

import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.idempotency.domain.IdempotencyStore;
import club.bloom.idempotency.domain.StoredResult;
import club.bloom.tenancy.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The claim is an insert that does nothing on conflict: PostgreSQL makes a concurrent insert of the
 * same key wait until the first transaction ends, then reports the conflict, so the second request
 * reads the committed result (or claims the key if the first rolled back).
 */
@ApplicationScoped
public class SqlIdempotencyStore implements IdempotencyStore {
  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Inject Clock clock;

  @Override
  public Optional<StoredResult> claim(
      TenantId tenant, IdempotencyKey key, String operation, String requestHash) {
    int inserted =
        em.createNativeQuery(
                "INSERT INTO platform.idempotency_record"
                    + " (tenant_id, idem_key, operation, request_hash, response_status, response_body,"
                    + " created_at) VALUES (?, ?, ?, ?, 0, '', ?) ON CONFLICT DO NOTHING")
            .setParameter(1, tenant.value())
            .setParameter(2, key.value())
            .setParameter(3, operation)
            .setParameter(4, requestHash)
            .setParameter(5, Timestamp.from(clock.instant()))
            .executeUpdate();
    if (inserted == 1) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT operation, request_hash, response_status, response_body"
                    + " FROM platform.idempotency_record WHERE tenant_id = ? AND idem_key = ?")
            .setParameter(1, tenant.value())
            .setParameter(2, key.value())
            .getResultList();
    Object[] row = rows.get(0);
    return Optional.of(
        new StoredResult(
            (String) row[0], (String) row[1], ((Number) row[2]).intValue(), (String) row[3]));
  }

  @Override
  public void complete(TenantId tenant, IdempotencyKey key, int status, String body) {
    em.createNativeQuery(
            "UPDATE platform.idempotency_record SET response_status = ?, response_body = ?"
                + " WHERE tenant_id = ? AND idem_key = ?")
        .setParameter(1, status)
        .setParameter(2, body)
        .setParameter(3, tenant.value())
        .setParameter(4, key.value())
        .executeUpdate();
  }
}
