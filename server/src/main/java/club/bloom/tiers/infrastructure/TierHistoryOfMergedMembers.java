package club.bloom.tiers.infrastructure;

import club.bloom.membership.domain.MembersMerged;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A merge moves the absorbed member's tier changes to the survivor and drops its standing (the next
 * re-evaluation computes the survivor's from the merged purchases), in the merge's transaction.
 */
@ApplicationScoped
public class TierHistoryOfMergedMembers {
  @Inject TenantEntityManagers schemas;

  void move(@Observes MembersMerged merge) {
    EntityManager em = schemas.of(merge.club());
    em.flush();
    String club = merge.club().value();
    em.createNativeQuery("UPDATE " + club + ".tier_change SET member_id = ? WHERE member_id = ?")
        .setParameter(1, merge.survivor())
        .setParameter(2, merge.absorbed())
        .executeUpdate();
    em.createNativeQuery("DELETE FROM " + club + ".member_standing WHERE member_id = ?")
        .setParameter(1, merge.absorbed())
        .executeUpdate();
  }
}
