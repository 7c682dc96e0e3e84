package club.bloom.access.domain;

import java.util.Optional;

/** API keys, found by the hash of their secret. */
public interface ApiKeyRepository {
  Optional<ApiKey> findBySecretHash(byte[] hash);

  void add(ApiKey key);
}
