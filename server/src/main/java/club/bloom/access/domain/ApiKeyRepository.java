package club.bloom.access.domain;

import club.bloom.tenancy.domain.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys, found by the hash of their secret, or by id within their tenant. */
public interface ApiKeyRepository {
  Optional<ApiKey> findBySecretHash(byte[] hash);

  /** The tenant's key with this id; another tenant's key is not found. */
  Optional<ApiKey> find(TenantId tenant, UUID id);

  /** The tenant's key with this id, locked until the transaction ends. */
  Optional<ApiKey> lock(TenantId tenant, UUID id);

  /** All keys of the tenant, newest first. */
  List<ApiKey> ofTenant(TenantId tenant);

  void add(ApiKey key);
}
