package club.bloom.ledger.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.List;
import java.util.Optional;

/** The club's currencies and ledger policy. */
public interface LedgerSettings {
  Optional<Currency> currency(SchemaName club, String code);

  List<Currency> currencies(SchemaName club);

  void add(SchemaName club, Currency currency);

  SpentPointsPolicy spentPointsPolicy(SchemaName club);

  void setSpentPointsPolicy(SchemaName club, SpentPointsPolicy policy);

  /** The largest share of a receipt, in percent (0–100), that points may pay; 50 by default. */
  java.math.BigDecimal maxRedeemPercent(SchemaName club);

  void setMaxRedeemPercent(SchemaName club, java.math.BigDecimal percent);
}
