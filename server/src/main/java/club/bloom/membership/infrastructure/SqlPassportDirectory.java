package club.bloom.membership.infrastructure;

import club.bloom.membership.domain.PassportCode;
import club.bloom.membership.domain.PassportDirectory;
import club.bloom.tenancy.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Passport code → club, in the platform schema. Holds no personal data. */
@ApplicationScoped
public class SqlPassportDirectory implements PassportDirectory {
  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Inject Clock clock;

  @Override
  public Optional<TenantId> clubOf(PassportCode code) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery("SELECT club_id FROM platform.passport_directory WHERE code = ?")
            .setParameter(1, code.value())
            .getResultList();
    return rows.stream().findFirst().map(v -> new TenantId((UUID) v));
  }

  @Override
  public void register(PassportCode code, TenantId club, UUID memberId) {
    em.createNativeQuery(
            "INSERT INTO platform.passport_directory (code, club_id, member_id, created_at)"
                + " VALUES (?, ?, ?, ?)")
        .setParameter(1, code.value())
        .setParameter(2, club.value())
        .setParameter(3, memberId)
        .setParameter(4, Timestamp.from(clock.instant()))
        .executeUpdate();
  }
}
