package club.bloom.idempotency.domain;

import club.bloom.tenancy.domain.TenantId;
import java.util.Optional;

/** Stored results in the platform schema; all calls join the caller's transaction. */
public interface IdempotencyStore {
  /**
   * Claims the key for this request. Returns empty if claimed (the caller does the work and calls
   * {@link #complete}); otherwise the earlier request's result. Blocks while a concurrent
   * transaction holds the same key.
   */
  Optional<StoredResult> claim(
      TenantId tenant, IdempotencyKey key, String operation, String requestHash);

  void complete(TenantId tenant, IdempotencyKey key, int status, String body);
}
