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
}
