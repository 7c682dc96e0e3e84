package club.bloom.tiers.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.List;

/** Tiers of one club schema and the history of members' tier changes. */
public interface TierRepository {
  List<Tier> all(SchemaName club);

  void add(SchemaName club, Tier tier);

  void remove(SchemaName club, Tier tier);

  void record(SchemaName club, TierChange change);

  /** Writes pending changes now (used when replacing rows under unique constraints). */
  void flush(SchemaName club);
}
