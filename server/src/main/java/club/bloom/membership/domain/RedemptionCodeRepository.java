package club.bloom.membership.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.Optional;
import java.util.UUID;

/** Members' redemption codes in one club schema. */
public interface RedemptionCodeRepository {
  /** The member's code, locked until the transaction ends, if there is one. */
  Optional<RedemptionCode> lock(SchemaName club, UUID memberId);

  /** Stores the code, replacing the member's previous one (time and attempts start afresh). */
  void replace(SchemaName club, RedemptionCode code);

  /**
   * Deletes the member's code if it still has this hash; false when it is gone or was replaced
   * meanwhile (a concurrent redemption used it, or the member asked for a new one).
   */
  boolean consume(SchemaName club, UUID memberId, byte[] codeHash);
}
