package club.bloom.ledger.infrastructure;

import club.bloom.membership.domain.MembersMerged;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A merge moves the absorbed member's journal to the survivor: entries, postings and lots (with
 * their activation and expiry dates and the partner that granted them) keep every amount, so each
 * entry still balances and the survivor's account still equals its lots. Runs in the merge's
 * transaction, under both members' locks.
 */
@ApplicationScoped
public class LedgerOfMergedMembers {
  @Inject TenantEntityManagers schemas;

  void move(@Observes MembersMerged merge) {
    EntityManager em = schemas.of(merge.club());
    em.flush();
    String club = merge.club().value();
    merge.moved(
        MembersMerged.LEDGER_ENTRIES,
        update(
            em, "UPDATE " + club + ".ledger_entry SET member_id = ? WHERE member_id = ?", merge));
    update(em, "UPDATE " + club + ".ledger_posting SET member_id = ? WHERE member_id = ?", merge);
    merge.moved(
        MembersMerged.LOTS,
        update(em, "UPDATE " + club + ".point_lot SET member_id = ? WHERE member_id = ?", merge));
  }

  private static int update(EntityManager em, String sql, MembersMerged merge) {
    return em.createNativeQuery(sql)
        .setParameter(1, merge.survivor())
        .setParameter(2, merge.absorbed())
        .executeUpdate();
  }
}
