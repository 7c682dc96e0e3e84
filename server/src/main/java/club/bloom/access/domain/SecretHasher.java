package club.bloom.access.domain;

/** Keyed (peppered) hash of API key secrets; the pepper never reaches the database. */
public interface SecretHasher {
  byte[] hash(ApiKeySecret secret);
}
