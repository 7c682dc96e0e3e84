package club.bloom.tiers.infrastructure;

import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import club.bloom.tiers.domain.Tier;
import club.bloom.tiers.domain.TierChange;
import club.bloom.tiers.domain.TierRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Tiers and tier history in a club schema. */
@ApplicationScoped
public class JpaTierRepository implements TierRepository {
  @Inject TenantEntityManagers schemas;

  @Override
  public List<Tier> all(SchemaName club) {
    return schemas
        .of(club)
        .createQuery("select t from Tier t order by t.rank", Tier.class)
        .getResultList();
  }

  @Override
  public void add(SchemaName club, Tier tier) {
    schemas.of(club).persist(tier);
  }

  @Override
  public void remove(SchemaName club, Tier tier) {
    schemas.of(club).remove(tier);
  }

  @Override
  public void record(SchemaName club, TierChange change) {
    schemas.of(club).persist(change);
  }

  @Override
  public void flush(SchemaName club) {
    schemas.of(club).flush();
  }
}
