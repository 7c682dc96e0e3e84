package club.bloom.ingestion.infrastructure;

import club.bloom.ingestion.domain.Receipt;
import club.bloom.ingestion.domain.ReceiptRepository;
import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.util.List;

/** Receipts in a partner schema. */
@ApplicationScoped
public class JpaReceiptRepository implements ReceiptRepository {
  @Inject TenantEntityManagers schemas;

  @Override
  public boolean exists(SchemaName partner, String receiptNumber) {
    return !schemas
        .of(partner)
        .createQuery("select r.id from Receipt r where r.receiptNumber = :n", java.util.UUID.class)
        .setParameter("n", receiptNumber)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void add(SchemaName partner, Receipt receipt) {
    schemas.of(partner).persist(receipt);
  }

  @Override
  public java.util.Optional<Receipt> findByNumber(SchemaName partner, String receiptNumber) {
    return schemas
        .of(partner)
        .createQuery("select r from Receipt r where r.receiptNumber = :n", Receipt.class)
        .setParameter("n", receiptNumber)
        .getResultStream()
        .findFirst();
  }

  @Override
  public java.util.Optional<Receipt> lockByNumber(SchemaName partner, String receiptNumber) {
    return schemas
        .of(partner)
        .createQuery("select r from Receipt r where r.receiptNumber = :n", Receipt.class)
        .setParameter("n", receiptNumber)
        .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean refundExists(SchemaName partner, String refundNumber) {
    return !schemas
        .of(partner)
        .createQuery(
            "select r.id from ReceiptRefund r where r.refundNumber = :n", java.util.UUID.class)
        .setParameter("n", refundNumber)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void addRefund(SchemaName partner, club.bloom.ingestion.domain.ReceiptRefund refund) {
    schemas.of(partner).persist(refund);
  }

  @Override
  public List<Receipt> page(SchemaName partner, PageCursor after, int limit) {
    String where =
        after == null ? "" : " where r.recordedAt < :at or (r.recordedAt = :at and r.id < :id)";
    TypedQuery<Receipt> q =
        schemas
            .of(partner)
            .createQuery(
                "select r from Receipt r" + where + " order by r.recordedAt desc, r.id desc",
                Receipt.class)
            .setMaxResults(limit);
    if (after != null) {
      q.setParameter("at", after.at()).setParameter("id", after.id());
    }
    return q.getResultList();
  }
}
