package club.bloom.billing.infrastructure;

import club.bloom.billing.domain.Plan;
import club.bloom.billing.domain.PlanCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The plan catalogue in the platform schema. */
@ApplicationScoped
public class JpaPlanCatalogue implements PlanCatalogue {
  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Override
  public List<Plan> all() {
    return em.createQuery("select p from Plan p order by p.position, p.code", Plan.class)
        .getResultList();
  }

  @Override
  public Optional<Plan> find(String code) {
    return Optional.ofNullable(em.find(Plan.class, code));
  }
}
