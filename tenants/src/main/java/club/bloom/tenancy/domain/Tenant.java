package club.bloom.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A club or partner business hosted by the installation (platform schema).
 *
 * <p>Lifecycle: {@link #register} creates it in PROVISIONING at step REGISTERED; provisioning
 * advances {@link #completed(ProvisioningStep)} step by step (never backwards) until DONE, which
 * makes it ACTIVE. The operator may {@link #suspend} a tenant at any time and {@link #resume} it:
 * while suspended, its credentials are refused and its data is kept; provisioning run again does
 * not lift a suspension. The schema name is derived from kind and slug and never changes.
 */
@Entity
@Table(schema = "platform", name = "tenant")
public class Tenant {
  private static final String ORGANIZATION_PREFIX = "partner-";

  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  private TenantKind kind;

  private String slug;
  private String name;

  @Column(name = "schema_name")
  private String schemaName;

  private String realm;

  @Column(name = "organization_id")
  private String organizationId;

  private String locale;

  @Column(name = "time_zone")
  private String timeZone;

  @Enumerated(EnumType.STRING)
  private TenantStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "provisioning_step")
  private ProvisioningStep provisioningStep;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Column(name = "suspended_at")
  private Instant suspendedAt;

  @Column(name = "suspension_reason")
  private String suspensionReason;

  protected Tenant() {}

  public static Tenant register(
      TenantKind kind, Slug slug, String name, String locale, String timeZone, Instant now) {
    Tenant t = new Tenant();
    t.id = UUID.randomUUID();
    t.kind = Objects.requireNonNull(kind);
    t.slug = slug.value();
    t.name = Objects.requireNonNull(name);
    t.schemaName = kind.schemaFor(slug).value();
    t.locale = locale;
    t.timeZone = timeZone;
    t.status = TenantStatus.PROVISIONING;
    t.provisioningStep = ProvisioningStep.REGISTERED;
    t.createdAt = now;
    t.updatedAt = now;
    return t;
  }

  /** Records that a step finished; steps never go backwards. DONE activates the tenant. */
  public void completed(ProvisioningStep step, Instant now) {
    if (step.isAfter(provisioningStep)) {
      provisioningStep = step;
      updatedAt = now;
    }
    if (step == ProvisioningStep.DONE && status == TenantStatus.PROVISIONING) {
      status = TenantStatus.ACTIVE;
    }
  }

  /** Suspends the tenant (idempotent: a second call keeps the first time and reason). */
  public void suspend(String reason, Instant now) {
    if (status == TenantStatus.SUSPENDED) {
      return;
    }
    status = TenantStatus.SUSPENDED;
    suspendedAt = now;
    suspensionReason = reason;
    updatedAt = now;
  }

  /** Lifts a suspension: ACTIVE again, or PROVISIONING if provisioning had not finished. */
  public void resume(Instant now) {
    if (status != TenantStatus.SUSPENDED) {
      return;
    }
    status = hasCompleted(ProvisioningStep.DONE) ? TenantStatus.ACTIVE : TenantStatus.PROVISIONING;
    suspendedAt = null;
    suspensionReason = null;
    updatedAt = now;
  }

  public boolean hasCompleted(ProvisioningStep step) {
    return !step.isAfter(provisioningStep);
  }

  public void rename(String newName, Instant now) {
    if (!Objects.equals(name, newName)) {
      name = Objects.requireNonNull(newName);
      updatedAt = now;
    }
  }

  public void assignRealm(String realmName) {
    this.realm = realmName;
  }

  public void assignOrganization(String organization) {
    this.organizationId = organization;
  }

  public TenantId id() {
    return new TenantId(id);
  }

  public TenantKind kind() {
    return kind;
  }

  public Slug slug() {
    return new Slug(slug);
  }

  public String name() {
    return name;
  }

  public SchemaName schema() {
    return new SchemaName(schemaName);
  }

  public Optional<String> realm() {
    return Optional.ofNullable(realm);
  }

  public Optional<String> organizationId() {
    return Optional.ofNullable(organizationId);
  }

  /**
   * The alias of a partner's organization in the platform realm (unique, derived from the slug).
   */
  public static String organizationAlias(Slug partner) {
    return ORGANIZATION_PREFIX + partner.value();
  }

  /** The partner an organization alias names, if it is an alias Bloom gave. */
  public static Optional<Slug> partnerOfOrganization(String alias) {
    if (alias == null || !alias.startsWith(ORGANIZATION_PREFIX)) {
      return Optional.empty();
    }
    String slug = alias.substring(ORGANIZATION_PREFIX.length());
    return Slug.isValid(slug) ? Optional.of(new Slug(slug)) : Optional.empty();
  }

  public String locale() {
    return locale == null ? "ru" : locale;
  }

  public String timeZone() {
    return timeZone == null ? "Europe/Moscow" : timeZone;
  }

  public TenantStatus status() {
    return status;
  }

  public boolean isActive() {
    return status == TenantStatus.ACTIVE;
  }

  public boolean isSuspended() {
    return status == TenantStatus.SUSPENDED;
  }

  public Optional<Instant> suspendedAt() {
    return Optional.ofNullable(suspendedAt);
  }

  public Optional<String> suspensionReason() {
    return Optional.ofNullable(suspensionReason);
  }

  /** When the tenant was registered. */
  public Instant createdAt() {
    return createdAt;
  }

  public ProvisioningStep provisioningStep() {
    return provisioningStep;
  }
}
