package club.bloom.ledger.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.Optional;
import java.util.UUID;

/**
 * Point accounts of one club schema. {@link #lock} serialises concurrent movements of one member.
 */
public interface PointAccounts {
  Optional<PointAccount> find(SchemaName club, UUID memberId);

  PointAccount lock(SchemaName club, UUID memberId);

  void add(SchemaName club, PointAccount account);

  void post(SchemaName club, PointPosting posting);
}
