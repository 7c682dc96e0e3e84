package club.bloom.access.domain;

import club.bloom.tenancy.domain.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An API key of a tenant (platform schema). Only the peppered hash of the secret is kept. A revoked
 * key is refused at once; every use records its time and address.
 */
@Entity
@Table(schema = "platform", name = "api_key")
public class ApiKey {
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
    key.scopes = String.join(" ", new java.util.TreeSet<>(scopes));
    key.createdAt = now;
    return key;
  }

  public void used(Instant at, String address) {
    lastUsedAt = at;
    lastUsedIp = address;
  }

  public boolean isRevoked() {
    return revokedAt != null;
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
}
