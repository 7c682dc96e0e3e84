package club.bloom.ledger.infrastructure;

import club.bloom.ledger.domain.PointAccount;
import club.bloom.ledger.domain.PointAccounts;
import club.bloom.ledger.domain.PointPosting;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

/**
 * Point accounts in a club schema. {@link #lock} takes a row lock ({@code SELECT … FOR UPDATE}),
 * creating the account first if needed, so concurrent movements of one member serialise.
 */
@ApplicationScoped
public class JpaPointAccounts implements PointAccounts {
  @Inject TenantEntityManagers schemas;

  @Override
  public Optional<PointAccount> find(SchemaName club, UUID memberId) {
    return Optional.ofNullable(schemas.of(club).find(PointAccount.class, memberId));
  }

  @Override
  public PointAccount lock(SchemaName club, UUID memberId) {
    EntityManager em = schemas.of(club);
    // Create the row if absent without racing: a concurrent insert of the same id does nothing.
    em.createNativeQuery(
            "INSERT INTO "
                + club.value()
                + ".point_account (member_id, balance) VALUES (?, 0)"
                + " ON CONFLICT (member_id) DO NOTHING")
        .setParameter(1, memberId)
        .executeUpdate();
    return em.find(PointAccount.class, memberId, LockModeType.PESSIMISTIC_WRITE);
  }

  @Override
  public void add(SchemaName club, PointAccount account) {
    schemas.of(club).persist(account);
  }

  @Override
  public void post(SchemaName club, PointPosting posting) {
    schemas.of(club).persist(posting);
  }
}
