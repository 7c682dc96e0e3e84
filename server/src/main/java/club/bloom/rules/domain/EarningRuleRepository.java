package club.bloom.rules.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.List;
import java.util.Optional;

/** The earning rules and earning policy of one club schema. */
public interface EarningRuleRepository {
  /** Every rule of the club, active or not, in evaluation order. */
  List<EarningRule> all(SchemaName club);

  void add(SchemaName club, EarningRule rule);

  void remove(SchemaName club, EarningRule rule);

  /** The club's policy row, absent until rules are first defined. */
  Optional<EarningPolicy> policy(SchemaName club);

  /**
   * As {@link #policy}, locked until the transaction ends: one change of the rule set at a time.
   */
  Optional<EarningPolicy> policyForUpdate(SchemaName club);

  void add(SchemaName club, EarningPolicy policy);
}
