package club.bloom.idempotency.application;

import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.idempotency.domain.IdempotencyKeyReused;
import club.bloom.idempotency.domain.IdempotencyStore;
import club.bloom.idempotency.domain.StoredResult;
import club.bloom.tenancy.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs work at most once per (tenant, key) inside the caller's transaction: the claim, the work and
 * the stored result commit or roll back together, so a failed request leaves the key free and a
 * successful one can never be applied twice.
 */
@ApplicationScoped
public class IdempotentExecution {
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject IdempotencyStore store;

  // A rule's refusal is the caller's to handle: the transaction that began outside rolls back on
  // it as before, and a batch's chunk rolls back to the line's savepoint only (ADR 0040).
  @Transactional(
      value = Transactional.TxType.MANDATORY,
      dontRollbackOn = club.bloom.shared.domain.BloomException.class)
  public <T> T once(
      TenantId tenant,
      IdempotencyKey key,
      String operation,
      Object request,
      Class<T> resultType,
      Supplier<T> work) {
    String hash = hash(operation, request);
    Optional<StoredResult> earlier = store.claim(tenant, key, operation, hash);
    if (earlier.isPresent()) {
      StoredResult stored = earlier.get();
      if (!stored.requestHash().equals(hash) || !stored.operation().equals(operation)) {
        throw new IdempotencyKeyReused();
      }
      return JSON.fromJson(stored.body(), resultType);
    }
    T result = work.get();
    store.complete(tenant, key, 200, JSON.toJson(result));
    return result;
  }

  /**
   * SHA-256 of the operation and the command's canonical JSON (records serialise field by field).
   */
  static String hash(String operation, Object request) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(operation.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(JSON.toJson(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
