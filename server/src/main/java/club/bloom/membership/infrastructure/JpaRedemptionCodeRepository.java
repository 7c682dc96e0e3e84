package club.bloom.membership.infrastructure;

import club.bloom.membership.domain.RedemptionCode;
import club.bloom.membership.domain.RedemptionCodeRepository;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * Redemption codes in a club schema. Replacing is an upsert, so two requests of one member at once
 * both succeed (the later wins) instead of one failing on the key. Native SQL names only validated
 * schemas.
 */
@ApplicationScoped
public class JpaRedemptionCodeRepository implements RedemptionCodeRepository {
  @Inject TenantEntityManagers schemas;

  @Override
  public Optional<RedemptionCode> lock(SchemaName club, UUID memberId) {
    return Optional.ofNullable(
        schemas.of(club).find(RedemptionCode.class, memberId, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public void replace(SchemaName club, RedemptionCode code) {
    schemas
        .of(club)
        .createNativeQuery(
            "INSERT INTO "
                + club
                + ".redemption_code (member_id, code_hash, expires_at, attempts_left, created_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET"
                + " code_hash = EXCLUDED.code_hash, expires_at = EXCLUDED.expires_at,"
                + " attempts_left = EXCLUDED.attempts_left, created_at = EXCLUDED.created_at")
        .setParameter(1, code.memberId())
        .setParameter(2, code.codeHash())
        .setParameter(3, Timestamp.from(code.expiresAt()))
        .setParameter(4, code.attemptsLeft())
        .setParameter(5, Timestamp.from(code.createdAt()))
        .executeUpdate();
  }

  @Override
  public boolean consume(SchemaName club, UUID memberId, byte[] codeHash) {
    return schemas
            .of(club)
            .createNativeQuery(
                "DELETE FROM " + club + ".redemption_code WHERE member_id = ? AND code_hash = ?")
            .setParameter(1, memberId)
            .setParameter(2, codeHash)
            .executeUpdate()
        == 1;
  }
}
