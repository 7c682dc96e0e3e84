package club.bloom.ingestion.infrastructure;

import club.bloom.membership.domain.MembersMerged;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A merge moves the absorbed member's purchases (and so their refunds) to the survivor, in the
 * merge's transaction. Partners' receipts keep the passport code they were posted with, which
 * resolves to the survivor.
 */
@ApplicationScoped
public class PurchasesOfMergedMembers {
  @Inject TenantEntityManagers schemas;

  void move(@Observes MembersMerged merge) {
    EntityManager em = schemas.of(merge.club());
    em.flush();
    merge.moved(
        MembersMerged.PURCHASES,
        em.createNativeQuery(
                "UPDATE "
                    + merge.club().value()
                    + ".purchase SET member_id = ? WHERE member_id = ?")
            .setParameter(1, merge.survivor())
            .setParameter(2, merge.absorbed())
            .executeUpdate());
  }
}
