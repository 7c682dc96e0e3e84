package club.bloom.community.infrastructure;

import club.bloom.membership.domain.MembersMerged;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A merge moves the absorbed member's invitations to the survivor, in the merge's transaction; an
 * open invitation to a tier the survivor is already invited to stays with the absorbed member (one
 * open invitation per member and tier).
 */
@ApplicationScoped
public class InvitationsOfMergedMembers {
  @Inject TenantEntityManagers schemas;

  void move(@Observes MembersMerged merge) {
    EntityManager em = schemas.of(merge.club());
    em.flush();
    String club = merge.club().value();
    em.createNativeQuery(
            "UPDATE "
                + club
                + ".invitation i SET member_id = ? WHERE i.member_id = ? AND NOT ("
                + " i.status IN ('PENDING', 'ACCEPTED') AND EXISTS (SELECT 1 FROM "
                + club
                + ".invitation s WHERE s.member_id = ? AND s.tier_code = i.tier_code"
                + " AND s.status IN ('PENDING', 'ACCEPTED')))")
        .setParameter(1, merge.survivor())
        .setParameter(2, merge.absorbed())
        .setParameter(3, merge.survivor())
        .executeUpdate();
  }
}
