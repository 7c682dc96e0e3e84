package club.bloom.onboarding.infrastructure;

import club.bloom.onboarding.domain.Partnership;
import club.bloom.onboarding.domain.Partnerships;
import club.bloom.tenancy.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
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
    // A concurrent twin fails here, inside the request, not at commit.
    em.flush();
  }

  @Override
  public long countOfClubBefore(TenantId club, Instant before) {
    return em.createQuery(
            "select count(p) from Partnership p where p.clubId = :club and p.createdAt < :before"
                + " and (p.endedAt is null or p.endedAt >= :before)",
            Long.class)
        .setParameter("club", club.value())
        .setParameter("before", before)
        .getSingleResult();
  }

  @Override
  public List<Partnership> ofClub(TenantId club) {
    return em.createQuery(
            "select p from Partnership p where p.clubId = :club order by p.createdAt, p.partnerId",
            Partnership.class)
        .setParameter("club", club.value())
        .getResultList();
  }

  @Override
  public List<Partnership> ofPartner(TenantId partner) {
    return em.createQuery(
            "select p from Partnership p where p.partnerId = :partner"
                + " order by p.createdAt, p.clubId",
            Partnership.class)
        .setParameter("partner", partner.value())
        .getResultList();
  }
}
