package club.bloom.membership.infrastructure;

import club.bloom.membership.domain.PassportTotp;
import club.bloom.membership.domain.PassportTotpRepository;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

/**
 * Passport TOTP keys in a club schema. Replacing is an upsert, so two enrolments at once both
 * succeed (the later wins). Native SQL names only validated schemas.
 */
@ApplicationScoped
public class JpaPassportTotpRepository implements PassportTotpRepository {
  @Inject TenantEntityManagers schemas;

  @Override
  public Optional<PassportTotp> lock(SchemaName club, UUID memberId) {
    return Optional.ofNullable(
        schemas.of(club).find(PassportTotp.class, memberId, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Optional<PassportTotp> find(SchemaName club, UUID memberId) {
    return Optional.ofNullable(schemas.of(club).find(PassportTotp.class, memberId));
  }

  @Override
  public void replace(SchemaName club, PassportTotp totp) {
    schemas
        .of(club)
        .createNativeQuery(
            "INSERT INTO "
                + club
                + ".member_totp (member_id, sealed_secret, last_used_step, attempts_left,"
                + " enrolled_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET"
                + " sealed_secret = EXCLUDED.sealed_secret, last_used_step ="
                + " EXCLUDED.last_used_step, attempts_left = EXCLUDED.attempts_left,"
                + " enrolled_at = EXCLUDED.enrolled_at")
        .setParameter(1, totp.memberId())
        .setParameter(2, totp.sealedSecret())
        .setParameter(3, totp.lastUsedStep())
        .setParameter(4, totp.attemptsLeft())
        .setParameter(5, Timestamp.from(totp.enrolledAt()))
        .executeUpdate();
  }

  @Override
  public boolean remove(SchemaName club, UUID memberId) {
    return schemas
            .of(club)
            .createNativeQuery("DELETE FROM " + club + ".member_totp WHERE member_id = ?")
            .setParameter(1, memberId)
            .executeUpdate()
        == 1;
  }
}
