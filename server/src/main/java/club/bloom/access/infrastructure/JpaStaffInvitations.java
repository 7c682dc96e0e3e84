package club.bloom.access.infrastructure;

import club.bloom.access.domain.StaffInvitation;
import club.bloom.access.domain.StaffInvitations;
import club.bloom.tenancy.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Staff invitations in the platform schema. */
@ApplicationScoped
public class JpaStaffInvitations implements StaffInvitations {
  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Override
  public Optional<StaffInvitation> find(TenantId tenant, String userId) {
    return em.createQuery(
            "select i from StaffInvitation i where i.tenantId = :tenant and i.userId = :user",
            StaffInvitation.class)
        .setParameter("tenant", tenant.value())
        .setParameter("user", userId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<StaffInvitation> ofTenant(TenantId tenant) {
    return em.createQuery(
            "select i from StaffInvitation i where i.tenantId = :tenant", StaffInvitation.class)
        .setParameter("tenant", tenant.value())
        .getResultList();
  }

  @Override
  public void add(StaffInvitation invitation) {
    em.persist(invitation);
  }

  @Override
  public void remove(TenantId tenant, String userId) {
    find(tenant, userId).ifPresent(em::remove);
  }

  @Override
  public Optional<StaffInvitation> lockByTokenHash(byte[] tokenSha256) {
    return em.createQuery(
            "select i from StaffInvitation i where i.tokenSha256 = :token", StaffInvitation.class)
        .setParameter("token", tokenSha256)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }
}
