package club.bloom.ingestion.infrastructure;

import club.bloom.ingestion.domain.Purchase;
import club.bloom.ingestion.domain.PurchaseRepository;
import club.bloom.ledger.domain.LastPurchases;
import club.bloom.shared.domain.Money;
import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import club.bloom.tiers.domain.SpendingWindows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Purchase facts in a club schema; also answers the tiers' and the ledger's questions about
 * purchases through the ports they own ({@link SpendingWindows}, {@link LastPurchases}).
 */
@ApplicationScoped
public class JpaPurchaseRepository implements PurchaseRepository, SpendingWindows, LastPurchases {
  @Inject TenantEntityManagers schemas;

  @Override
  public void add(SchemaName club, Purchase purchase) {
    schemas.of(club).persist(purchase);
  }

  @Override
  public java.util.Optional<Purchase> find(SchemaName club, UUID id) {
    return java.util.Optional.ofNullable(schemas.of(club).find(Purchase.class, id));
  }

  @Override
  public void addRefund(SchemaName club, club.bloom.ingestion.domain.PurchaseRefund refund) {
    schemas.of(club).persist(refund);
  }

  @Override
  public java.util.Optional<UUID> memberOf(SchemaName club, UUID purchaseId) {
    return schemas
        .of(club)
        .createQuery("select p.memberId from Purchase p where p.id = :id", UUID.class)
        .setParameter("id", purchaseId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public long countOfMember(SchemaName club, UUID memberId) {
    Object count =
        schemas
            .of(club)
            .createQuery("select count(p) from Purchase p where p.memberId = :member")
            .setParameter("member", memberId)
            .getSingleResult();
    return ((Number) count).longValue();
  }

  @Override
  public List<String> categoriesBetween(SchemaName club, UUID memberId, Instant from, Instant to) {
    return schemas
        .of(club)
        .createQuery(
            "select distinct p.categoryCode from Purchase p where p.memberId = :member"
                + " and p.occurredAt >= :from and p.occurredAt < :to",
            String.class)
        .setParameter("member", memberId)
        .setParameter("from", from)
        .setParameter("to", to)
        .getResultList();
  }

  @Override
  public java.util.Map<UUID, Instant> lastPurchasesAt(
      SchemaName club, java.util.Collection<UUID> members) {
    java.util.Map<UUID, Instant> last = new java.util.HashMap<>();
    if (members.isEmpty()) {
      return last;
    }
    // One index range per member (purchase_member_time_ix); a native query, as an aggregate over
    // a converted attribute may come back unconverted.
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        schemas
            .of(club)
            .createNativeQuery(lastPurchasesSql(club))
            .setParameter(1, uuidArray(members))
            .getResultList();
    for (Object[] row : rows) {
      Object at = row[1];
      last.put(
          (UUID) row[0],
          at instanceof java.sql.Timestamp t
              ? t.toInstant()
              : java.time.OffsetDateTime.class.cast(at).toInstant());
    }
    return last;
  }

  /**
   * The last purchase of each of a set of members ({@code ?1}, an array literal). Public so that
   * the benchmark can EXPLAIN exactly this statement.
   */
  public static String lastPurchasesSql(SchemaName club) {
    return "SELECT member_id, max(occurred_at) FROM "
        + club
        + ".purchase WHERE member_id = ANY(CAST(? AS uuid[])) GROUP BY member_id";
  }

  /** A PostgreSQL array literal of uuids, bound as one text parameter. */
  private static String uuidArray(java.util.Collection<UUID> ids) {
    return ids.stream()
        .map(UUID::toString)
        .collect(java.util.stream.Collectors.joining(",", "{", "}"));
  }

  @Override
  public long pointsReturned(SchemaName club, UUID purchaseId) {
    var em = schemas.of(club);
    em.flush();
    Object sum =
        em.createQuery(
                "select coalesce(sum(r.pointsReturned), 0) from PurchaseRefund r"
                    + " where r.purchaseId = :purchase")
            .setParameter("purchase", purchaseId)
            .getSingleResult();
    return sum == null ? 0 : ((Number) sum).longValue();
  }

  @Override
  public List<UUID> refundIds(SchemaName club, UUID purchaseId) {
    var em = schemas.of(club);
    em.flush();
    return em.createQuery(
            "select r.id from PurchaseRefund r where r.purchaseId = :purchase", UUID.class)
        .setParameter("purchase", purchaseId)
        .getResultList();
  }

  @Override
  public long pointsReversed(SchemaName club, UUID purchaseId) {
    var em = schemas.of(club);
    em.flush();
    // PostgreSQL's sum of bigint is numeric: take any Number.
    Object sum =
        em.createQuery(
                "select coalesce(sum(r.pointsReversed), 0) from PurchaseRefund r"
                    + " where r.purchaseId = :purchase")
            .setParameter("purchase", purchaseId)
            .getSingleResult();
    return sum == null ? 0 : ((Number) sum).longValue();
  }

  @Override
  public WindowStats statsSince(SchemaName club, UUID memberId, Instant from) {
    var em = schemas.of(club);
    em.flush();
    Object[] row =
        em.createQuery(
                "select coalesce(sum(p.amount - p.refundedAmount), 0), count(distinct p.categoryCode)"
                    + " from Purchase p where p.memberId = :member and p.occurredAt > :from"
                    + " and p.amount > p.refundedAmount",
                Object[].class)
            .setParameter("member", memberId)
            .setParameter("from", from)
            .getSingleResult();
    BigDecimal spent = row[0] instanceof BigDecimal b ? b : new BigDecimal(row[0].toString());
    return new WindowStats(new Money(spent, Money.RUB), ((Number) row[1]).intValue());
  }

  @Override
  public List<Purchase> ofMember(SchemaName club, UUID memberId, PageCursor after, int limit) {
    String where = "p.memberId = :member";
    if (after != null) {
      where += " and (p.occurredAt < :at or (p.occurredAt = :at and p.id < :id))";
    }
    TypedQuery<Purchase> q =
        schemas
            .of(club)
            .createQuery(
                "select p from Purchase p where "
                    + where
                    + " order by p.occurredAt desc, p.id desc",
                Purchase.class)
            .setParameter("member", memberId)
            .setMaxResults(limit);
    if (after != null) {
      q.setParameter("at", after.at()).setParameter("id", after.id());
    }
    return q.getResultList();
  }
}
