package club.bloom.membership.infrastructure;

import club.bloom.membership.domain.MemberMerge;
import club.bloom.membership.domain.MemberMergeRepository;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** Merge records in a club schema, and the membership tables a merge moves. */
@ApplicationScoped
public class JpaMemberMergeRepository implements MemberMergeRepository {
  @Inject TenantEntityManagers schemas;

  @Override
  public void add(SchemaName club, MemberMerge merge) {
    schemas.of(club).persist(merge);
  }

  @Override
  public List<MemberMerge> recent(SchemaName club, int limit) {
    return schemas
        .of(club)
        .createQuery(
            "select m from MemberMerge m order by m.mergedAt desc, m.id", MemberMerge.class)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void moveMembership(SchemaName club, UUID survivor, UUID absorbed) {
    EntityManager em = schemas.of(club);
    em.flush();
    em.createNativeQuery("UPDATE " + club + ".member SET merged_into = ? WHERE merged_into = ?")
        .setParameter(1, survivor)
        .setParameter(2, absorbed)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM " + club + ".redemption_code WHERE member_id = ?")
        .setParameter(1, absorbed)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM " + club + ".member_totp WHERE member_id = ?")
        .setParameter(1, absorbed)
        .executeUpdate();
  }
}
