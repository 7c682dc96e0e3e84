package club.bloom.billing.domain;

import club.bloom.tenancy.domain.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a tenant's plan history (platform schema): from {@code effectiveFrom} on, the tenant
 * is on {@code planCode}, until the next change. The first entry is the plan the tenant started
 * with, effective from its registration.
 */
@Entity
@Table(schema = "platform", name = "plan_change")
public class PlanChange {
  @Id private UUID id;

  @Column(name = "tenant_id")
  private UUID tenantId;

  @Column(name = "plan_code")
  private String planCode;

  @Column(name = "effective_from")
  private Instant effectiveFrom;

  @Column(name = "requested_by")
  private String requestedBy;

  @Column(name = "requested_at")
  private Instant requestedAt;

  protected PlanChange() {}

  public PlanChange(
      TenantId tenant,
      String planCode,
      Instant effectiveFrom,
      String requestedBy,
      Instant requestedAt) {
    this.id = UUID.randomUUID();
    this.tenantId = tenant.value();
    this.planCode = Objects.requireNonNull(planCode);
    this.effectiveFrom = Objects.requireNonNull(effectiveFrom);
    this.requestedBy = Objects.requireNonNull(requestedBy);
    this.requestedAt = Objects.requireNonNull(requestedAt);
  }

  public TenantId tenant() {
    return new TenantId(tenantId);
  }

  public String planCode() {
    return planCode;
  }

  public Instant effectiveFrom() {
    return effectiveFrom;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public Instant requestedAt() {
    return requestedAt;
  }
}
