package club.bloom.billing.domain;

import club.bloom.tenancy.domain.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The operator's override of one limit of a tenant's plan (platform schema), whatever the plan: a
 * value, or unlimited when there is none. Only the operator sets overrides.
 */
@Entity
@Table(schema = "platform", name = "limit_override")
@IdClass(LimitOverride.Key.class)
public class LimitOverride {
  @Id
  @Column(name = "tenant_id")
  private UUID tenantId;

  @Id
  @Column(name = "limit_name")
  private String limitName;

  private Long value;

  @Column(name = "set_by")
  private String setBy;

  @Column(name = "set_at")
  private Instant setAt;

  protected LimitOverride() {}

  /** {@code value} null: unlimited. */
  public LimitOverride(TenantId tenant, Limit limit, Long value, String setBy, Instant setAt) {
    if (value != null && value < 0) {
      throw new IllegalArgumentException("a limit is ≥ 0");
    }
    this.tenantId = tenant.value();
    this.limitName = limit.contractName();
    this.value = value;
    this.setBy = Objects.requireNonNull(setBy);
    this.setAt = Objects.requireNonNull(setAt);
  }

  /** Sets another value (null: unlimited). */
  public void change(Long newValue, String by, Instant at) {
    if (newValue != null && newValue < 0) {
      throw new IllegalArgumentException("a limit is ≥ 0");
    }
    this.value = newValue;
    this.setBy = Objects.requireNonNull(by);
    this.setAt = Objects.requireNonNull(at);
  }

  public TenantId tenant() {
    return new TenantId(tenantId);
  }

  public Limit limit() {
    return Limit.byContractName(limitName)
        .orElseThrow(() -> new IllegalStateException("unknown limit " + limitName));
  }

  /** The overriding value; empty: unlimited. */
  public OptionalLong value() {
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  public String setBy() {
    return setBy;
  }

  public Instant setAt() {
    return setAt;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private UUID tenantId;
    private String limitName;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(tenantId, k.tenantId)
          && Objects.equals(limitName, k.limitName);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, limitName);
    }
  }
}
