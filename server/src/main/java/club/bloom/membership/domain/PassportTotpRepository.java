package club.bloom.membership.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.Optional;
import java.util.UUID;

/** Members' passport TOTP keys in one club schema. */
public interface PassportTotpRepository {
  /** The member's TOTP, locked until the transaction ends, if the member turned it on. */
  Optional<PassportTotp> lock(SchemaName club, UUID memberId);

  Optional<PassportTotp> find(SchemaName club, UUID memberId);

  /** Stores a new key, replacing the member's previous one (steps and attempts start afresh). */
  void replace(SchemaName club, PassportTotp totp);

  /** Turns TOTP off for the member; false when it was off. */
  boolean remove(SchemaName club, UUID memberId);
}
