package club.bloom.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An entry of the issuer allow-list: a JWT is accepted only if its {@code iss} equals one of these
 * exactly, and the entry says which tenant (none for the platform realm) the token speaks for.
 */
@Entity
@Table(schema = "platform", name = "trusted_issuer")
public class TrustedIssuer {
  @Id private String issuer;

  // Nullable uuid column kept as text: EclipseLink 4.0 fails converting a NULL uuid to UUID.
  @Column(name = "tenant_id")
  private String tenantId;

  private String realm;

  @Column(name = "created_at")
  private Instant createdAt;

  protected TrustedIssuer() {}

  public TrustedIssuer(String issuer, TenantId tenant, String realm, Instant now) {
    this.issuer = issuer;
    this.tenantId = tenant == null ? null : tenant.value().toString();
    this.realm = realm;
    this.createdAt = now;
  }

  public String issuer() {
    return issuer;
  }

  /** The tenant the issuer's tokens speak for; empty for the platform realm. */
  public Optional<TenantId> tenant() {
    return Optional.ofNullable(tenantId).map(UUID::fromString).map(TenantId::new);
  }

  public String realm() {
    return realm;
  }
}
