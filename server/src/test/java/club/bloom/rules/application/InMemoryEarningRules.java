package club.bloom.rules.application;

import club.bloom.rules.domain.EarningPolicy;
import club.bloom.rules.domain.EarningRule;
import club.bloom.rules.domain.EarningRuleRepository;
import club.bloom.rules.domain.RuleSet;
import club.bloom.tenancy.domain.SchemaName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Earning rules kept in memory, per schema, as the JPA repository keeps them in PostgreSQL. */
final class InMemoryEarningRules implements EarningRuleRepository {
  final Map<SchemaName, List<EarningRule>> rules = new HashMap<>();
  final Map<SchemaName, EarningPolicy> policies = new HashMap<>();

  @Override
  public List<EarningRule> all(SchemaName club) {
    return rules.getOrDefault(club, List.of()).stream()
        .sorted(Comparator.comparing(EarningRule::definition, RuleSet.ORDER))
        .toList();
  }

  @Override
  public void add(SchemaName club, EarningRule rule) {
    List<EarningRule> list = rules.computeIfAbsent(club, c -> new ArrayList<>());
    if (list.stream().anyMatch(r -> r.code().equals(rule.code()))) {
      throw new IllegalStateException("duplicate key " + rule.code());
    }
    list.add(rule);
  }

  @Override
  public void remove(SchemaName club, EarningRule rule) {
    rules.getOrDefault(club, new ArrayList<>()).remove(rule);
  }

  @Override
  public Optional<EarningPolicy> policy(SchemaName club) {
    return Optional.ofNullable(policies.get(club));
  }

  @Override
  public Optional<EarningPolicy> policyForUpdate(SchemaName club) {
    return policy(club);
  }

  @Override
  public void add(SchemaName club, EarningPolicy policy) {
    if (policies.putIfAbsent(club, policy) != null) {
      throw new IllegalStateException("duplicate policy row");
    }
  }
}
