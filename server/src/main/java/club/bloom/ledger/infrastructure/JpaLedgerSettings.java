package club.bloom.ledger.infrastructure;

import club.bloom.ledger.domain.Currency;
import club.bloom.ledger.domain.LedgerSettings;
import club.bloom.ledger.domain.SpentPointsPolicy;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Currencies and the one-row ledger policy of a club schema. */
@ApplicationScoped
public class JpaLedgerSettings implements LedgerSettings {
  /** The column's default, for a club whose policy row is missing. */
  private static final BigDecimal DEFAULT_MAX_REDEEM_PERCENT = BigDecimal.valueOf(50);

  @Inject TenantEntityManagers schemas;

  @Override
  public Optional<Currency> currency(SchemaName club, String code) {
    return Optional.ofNullable(schemas.of(club).find(Currency.class, code));
  }

  @Override
  public List<Currency> currencies(SchemaName club) {
    return schemas
        .of(club)
        .createQuery("select c from Currency c order by c.code", Currency.class)
        .getResultList();
  }

  @Override
  public void add(SchemaName club, Currency currency) {
    schemas.of(club).persist(currency);
  }

  @Override
  public SpentPointsPolicy spentPointsPolicy(SchemaName club) {
    List<?> rows =
        schemas
            .of(club)
            .createNativeQuery(
                "SELECT spent_points_on_refund FROM " + club + ".ledger_policy WHERE id = 1")
            .getResultList();
    return rows.isEmpty()
        ? SpentPointsPolicy.DEBT
        : SpentPointsPolicy.valueOf(rows.get(0).toString());
  }

  @Override
  public void setSpentPointsPolicy(SchemaName club, SpentPointsPolicy policy) {
    schemas
        .of(club)
        .createNativeQuery(
            "UPDATE " + club + ".ledger_policy SET spent_points_on_refund = ? WHERE id = 1")
        .setParameter(1, policy.name())
        .executeUpdate();
  }

  @Override
  public BigDecimal maxRedeemPercent(SchemaName club) {
    List<?> rows =
        schemas
            .of(club)
            .createNativeQuery(
                "SELECT max_redeem_percent FROM " + club + ".ledger_policy WHERE id = 1")
            .getResultList();
    return rows.isEmpty() ? DEFAULT_MAX_REDEEM_PERCENT : new BigDecimal(rows.get(0).toString());
  }

  @Override
  public void setMaxRedeemPercent(SchemaName club, BigDecimal percent) {
    schemas
        .of(club)
        .createNativeQuery(
            "UPDATE " + club + ".ledger_policy SET max_redeem_percent = ? WHERE id = 1")
        .setParameter(1, percent)
        .executeUpdate();
  }
}
