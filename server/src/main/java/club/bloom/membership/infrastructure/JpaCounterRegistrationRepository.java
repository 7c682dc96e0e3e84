package club.bloom.membership.infrastructure;

import club.bloom.membership.domain.CounterRegistration;
import club.bloom.membership.domain.CounterRegistrationRepository;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** Counter registrations in a club schema. */
@ApplicationScoped
public class JpaCounterRegistrationRepository implements CounterRegistrationRepository {
  @Inject TenantEntityManagers schemas;

  @Override
  public void add(SchemaName club, CounterRegistration registration) {
    var em = schemas.of(club);
    // The member it refers to may have been persisted in this transaction: written first (no JPA
    // relationship tells EclipseLink the order of the two inserts).
    em.flush();
    em.persist(registration);
  }

  @Override
  public Optional<CounterRegistration> lockByTokenHash(SchemaName club, byte[] tokenSha256) {
    return schemas
        .of(club)
        .createQuery(
            "select r from CounterRegistration r where r.tokenSha256 = :hash",
            CounterRegistration.class)
        .setParameter("hash", tokenSha256)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }
}
