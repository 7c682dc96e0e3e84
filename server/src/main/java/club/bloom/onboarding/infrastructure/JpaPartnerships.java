package club.bloom.onboarding.infrastructure;

import club.bloom.onboarding.domain.Partnership;
import club.bloom.onboarding.domain.Partnerships;
import club.bloom.tenancy.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Partnerships in the platform schema. */
@ApplicationScoped
public class JpaPartnerships implements Partnerships {
  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Override
  public Optional<Partnership> find(TenantId club, TenantId partner) {
    return em.createQuery(
            "select p from Partnership p where p.clubId = :club and p.partnerId = :partner",
            Partnership.class)
        .setParameter("club", club.value())
        .setParameter("partner", partner.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(Partnership partnership) {
    em.persist(partnership);
  }

  @Override
  public long countOfClubBefore(TenantId club, java.time.Instant before) {
    return em.createQuery(
            "select count(p) from Partnership p where p.clubId = :club and p.createdAt < :before",
            Long.class)
        .setParameter("club", club.value())
        .setParameter("before", before)
        .getSingleResult();
  }
}
