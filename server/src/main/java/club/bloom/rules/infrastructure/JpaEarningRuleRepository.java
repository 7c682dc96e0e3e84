package club.bloom.rules.infrastructure;

import club.bloom.rules.domain.EarningPolicy;
import club.bloom.rules.domain.EarningRule;
import club.bloom.rules.domain.EarningRuleRepository;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Earning rules and the earning policy in a club schema. */
@ApplicationScoped
public class JpaEarningRuleRepository implements EarningRuleRepository {
  @Inject TenantEntityManagers schemas;

  @Override
  public List<EarningRule> all(SchemaName club) {
    return schemas
        .of(club)
        .createQuery("select r from EarningRule r order by r.priority, r.code", EarningRule.class)
        .getResultList();
  }

  @Override
  public void add(SchemaName club, EarningRule rule) {
    schemas.of(club).persist(rule);
  }

  @Override
  public void remove(SchemaName club, EarningRule rule) {
    schemas.of(club).remove(rule);
  }

  @Override
  public Optional<EarningPolicy> policy(SchemaName club) {
    return Optional.ofNullable(schemas.of(club).find(EarningPolicy.class, EarningPolicy.ID));
  }

  @Override
  public Optional<EarningPolicy> policyForUpdate(SchemaName club) {
    return Optional.ofNullable(
        schemas
            .of(club)
            .find(
                EarningPolicy.class,
                EarningPolicy.ID,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public void add(SchemaName club, EarningPolicy policy) {
    schemas.of(club).persist(policy);
  }
}
