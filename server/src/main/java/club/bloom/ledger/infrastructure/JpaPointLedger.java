package club.bloom.ledger.infrastructure;

import club.bloom.ledger.domain.Account;
import club.bloom.ledger.domain.EntryKind;
import club.bloom.ledger.domain.LedgerPosting;
import club.bloom.ledger.domain.MemberPoints;
import club.bloom.ledger.domain.Movement;
import club.bloom.ledger.domain.PointLedger;
import club.bloom.ledger.domain.PointLot;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The journal in a club schema. The member's row is the lock that serialises movements of one
 * member ({@code SELECT … FOR UPDATE}); entries are written before their postings and lots (foreign
 * keys). Native SQL names only validated schemas.
 */
@ApplicationScoped
public class JpaPointLedger implements PointLedger {
  @Inject TenantEntityManagers schemas;

  @Override
  public MemberPoints lock(SchemaName club, UUID memberId) {
    schemas
        .of(club)
        .createNativeQuery("SELECT id FROM " + club + ".member WHERE id = ? FOR UPDATE")
        .setParameter(1, memberId)
        .getResultList();
    return read(club, memberId);
  }

  @Override
  public MemberPoints read(SchemaName club, UUID memberId) {
    EntityManager em = schemas.of(club);
    List<PointLot> lots =
        em.createQuery(
                "select l from PointLot l where l.memberId = :member and l.remaining > 0",
                PointLot.class)
            .setParameter("member", memberId)
            .getResultList();
    @SuppressWarnings("unchecked")
    List<Object[]> owed =
        em.createNativeQuery(
                "SELECT currency, -SUM(amount) FROM "
                    + club
                    + ".ledger_posting WHERE member_id = ? AND account = 'DEBT' GROUP BY currency")
            .setParameter(1, memberId)
            .getResultList();
    Map<String, Long> debt = new HashMap<>();
    for (Object[] row : owed) {
      long value = ((Number) row[1]).longValue();
      if (value > 0) {
        debt.put((String) row[0], value);
      }
    }
    return new MemberPoints(memberId, lots, debt);
  }

  @Override
  public void record(SchemaName club, Movement movement) {
    if (movement.postings().isEmpty()) {
      return;
    }
    EntityManager em = schemas.of(club);
    em.persist(movement.entry());
    em.flush();
    for (LedgerPosting posting : movement.postings()) {
      em.persist(posting);
    }
    for (PointLot lot : movement.newLots()) {
      em.persist(lot);
    }
    em.flush();
  }

  @Override
  public List<UUID> membersInactiveSince(SchemaName club, String currency, Instant since) {
    @SuppressWarnings("unchecked")
    List<UUID> rows =
        schemas
            .of(club)
            .createNativeQuery(
                "SELECT DISTINCT l.member_id FROM "
                    + club
                    + ".point_lot l WHERE l.currency = ? AND l.remaining > 0 AND NOT EXISTS"
                    + " (SELECT 1 FROM "
                    + club
                    + ".purchase p WHERE p.member_id = l.member_id AND p.occurred_at >= ?)")
            .setParameter(1, currency)
            .setParameter(2, java.sql.Timestamp.from(since))
            .getResultList();
    return rows;
  }

  @Override
  public java.util.Map<String, Long> grantedFor(SchemaName club, String purchaseId) {
    var em = schemas.of(club);
    em.flush();
    List<Object[]> rows =
        em.createQuery(
                "select l.currency, sum(l.granted) from PointLot l where l.purchaseId = :purchase"
                    + " group by l.currency",
                Object[].class)
            .setParameter("purchase", purchaseId)
            .getResultList();
    java.util.Map<String, Long> granted = new java.util.TreeMap<>();
    rows.forEach(r -> granted.put((String) r[0], ((Number) r[1]).longValue()));
    return granted;
  }

  @Override
  public long reversedBy(SchemaName club, String currency, java.util.Collection<String> sourceIds) {
    if (sourceIds.isEmpty()) {
      return 0;
    }
    var em = schemas.of(club);
    em.flush();
    Object sum =
        em.createQuery(
                "select coalesce(sum(p.amount), 0) from LedgerPosting p, LedgerEntry e"
                    + " where p.entryId = e.id and e.kind = :kind and e.sourceId in :sources"
                    + " and p.account = :account and p.currency = :currency")
            .setParameter("kind", EntryKind.REVERSAL)
            .setParameter("sources", sourceIds)
            .setParameter("account", Account.ISSUANCE)
            .setParameter("currency", currency)
            .getSingleResult();
    return sum == null ? 0 : ((Number) sum).longValue();
  }

  @Override
  public List<UUID> membersWithExpiredLots(SchemaName club, Instant now) {
    return schemas
        .of(club)
        .createQuery(
            "select distinct l.memberId from PointLot l"
                + " where l.remaining > 0 and l.expiresAt <= :now",
            UUID.class)
        .setParameter("now", now)
        .getResultList();
  }
}
