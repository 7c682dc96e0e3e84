package club.bloom.access.domain;

import club.bloom.tenancy.domain.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An API key of a tenant (platform schema). Only the peppered hash of the secret is kept.
 *
 * <p>Lifecycle: issued → (rotated: a successor is issued and this key keeps working until its
 * overlap window ends, then it is expired) → revoked at any time, at once. A key is rotated at most
 * once; a revoked key cannot be rotated. Uses record the last time and address, but not more often
 * than {@link #USE_RECORDING_INTERVAL} unless the address changes, so that a busy POS does not
 * write the key's row on every request.
 */
@Entity
@Table(schema = "platform", name = "api_key")
public class ApiKey {
  /** A use is recorded when the last recorded one is at least this old (or from elsewhere). */
  public static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);

  @Id private UUID id;

  @Column(name = "tenant_id")
  private UUID tenantId;

  private String prefix;

  @Column(name = "secret_hash")
  private byte[] secretHash;

  @Enumerated(EnumType.STRING)
  private ApiKeyMode mode;

  private String label;
  private String scopes;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  // Nullable uuid column: mapped as text (EclipseLink).
  @Column(name = "successor_id")
  private String successorId;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "last_used_ip")
  private String lastUsedIp;

  protected ApiKey() {}

  public static ApiKey issue(
      TenantId tenant,
      ApiKeySecret secret,
      byte[] secretHash,
      String label,
      Set<String> scopes,
      Instant now) {
    ApiKey key = new ApiKey();
    key.id = UUID.randomUUID();
    key.tenantId = tenant.value();
    key.prefix = secret.prefix();
    key.secretHash = secretHash.clone();
    key.mode = secret.mode();
    key.label = label;
    key.scopes = String.join(" ", new TreeSet<>(scopes));
    key.createdAt = now;
    return key;
  }

  /**
   * Rotates this key to {@code successor} (issued with the same tenant, label, mode and scopes):
   * this key keeps working until {@code now + overlap}, then it is refused as expired.
   *
   * @throws KeyNotRotatable if the key is revoked, expired or already rotated
   */
  public void rotateTo(ApiKey successor, Instant now, Duration overlap) {
    if (overlap.isNegative()) {
      throw new IllegalArgumentException("overlap must not be negative");
    }
    if (isRevoked()) {
      throw KeyNotRotatable.revoked(this);
    }
    if (successorId != null) {
      throw KeyNotRotatable.alreadyRotated(this);
    }
    if (isExpiredAt(now)) {
      throw KeyNotRotatable.expired(this);
    }
    if (!successor.tenantId.equals(tenantId)) {
      throw new IllegalArgumentException("a successor belongs to the same tenant");
    }
    successorId = successor.id.toString();
    Instant end = now.plus(overlap);
    expiresAt = expiresAt == null || end.isBefore(expiresAt) ? end : expiresAt;
  }

  /** Revokes the key at once; revoking a revoked key changes nothing (idempotent). */
  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  /**
   * Records a use. Returns whether the record changed: only when no use is recorded yet, the last
   * one is at least {@link #USE_RECORDING_INTERVAL} old, or the address differs.
   */
  public boolean used(Instant at, String address) {
    boolean due =
        lastUsedAt == null
            || !at.isBefore(lastUsedAt.plus(USE_RECORDING_INTERVAL))
            || !java.util.Objects.equals(address, lastUsedIp);
    if (due) {
      lastUsedAt = at;
      lastUsedIp = address;
    }
    return due;
  }

  /** Why the key would be refused at {@code now}, if it would. */
  public Optional<InvalidCredential> refusalAt(Instant now) {
    if (isRevoked()) {
      return Optional.of(
          new InvalidCredential(
              "api-key-revoked",
              "The API key " + prefix + "… has been revoked (at " + revokedAt + ")"));
    }
    if (isExpiredAt(now)) {
      return Optional.of(
          new InvalidCredential(
              "api-key-expired",
              "The API key "
                  + prefix
                  + "… expired at "
                  + expiresAt
                  + (successorId != null ? ": it was rotated, use its successor" : "")));
    }
    return Optional.empty();
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** Whether the key may be presented at {@code now}. */
  public boolean isActiveAt(Instant now) {
    return refusalAt(now).isEmpty();
  }

  public UUID id() {
    return id;
  }

  public TenantId tenant() {
    return new TenantId(tenantId);
  }

  public String prefix() {
    return prefix;
  }

  public ApiKeyMode mode() {
    return mode;
  }

  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  public Set<String> scopes() {
    return new LinkedHashSet<>(Arrays.asList(scopes.split(" ")));
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  public Optional<UUID> successor() {
    return Optional.ofNullable(successorId).map(UUID::fromString);
  }

  public Optional<Instant> revokedAt() {
    return Optional.ofNullable(revokedAt);
  }

  public Optional<Instant> lastUsedAt() {
    return Optional.ofNullable(lastUsedAt);
  }

  public Optional<String> lastUsedIp() {
    return Optional.ofNullable(lastUsedIp);
  }
}
