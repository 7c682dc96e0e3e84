package club.bloom.access.domain;

import club.bloom.tenancy.domain.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * When and by whom a staff member of a tenant was invited (platform schema). Who holds which role
 * is the identity provider's (the login carries it); this record adds only the invitation's
 * history. It holds no address: the list reads it from the identity provider.
 */
@Entity
@Table(schema = "platform", name = "staff_invitation")
@IdClass(StaffInvitation.Key.class)
public class StaffInvitation {
  @Id
  @Column(name = "tenant_id")
  private UUID tenantId;

  @Id
  @Column(name = "user_id")
  private String userId;

  @Column(name = "invited_at")
  private Instant invitedAt;

  @Column(name = "invited_by")
  private String invitedBy;

  protected StaffInvitation() {}

  public static StaffInvitation of(TenantId tenant, String userId, Instant at, String by) {
    StaffInvitation i = new StaffInvitation();
    i.tenantId = tenant.value();
    i.userId = userId;
    i.invitedAt = at;
    i.invitedBy = by;
    return i;
  }

  /** Invited again (after a removal): the newer invitation counts. */
  public void renew(Instant at, String by) {
    invitedAt = at;
    invitedBy = by;
  }

  public String userId() {
    return userId;
  }

  public Instant invitedAt() {
    return invitedAt;
  }

  /** The inviter: a staff user's subject id, or {@code platform-operator}. */
  public String invitedBy() {
    return invitedBy;
  }

  /** The composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private UUID tenantId;
    private String userId;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(tenantId, k.tenantId)
          && Objects.equals(userId, k.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, userId);
    }
  }
}
