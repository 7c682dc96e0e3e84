package club.bloom.billing.application;

import club.bloom.billing.domain.Plan;
import club.bloom.billing.domain.PlanCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** The public plan catalogue. */
@ApplicationScoped
public class Plans {
  @Inject PlanCatalogue catalogue;

  @Transactional
  public List<Plan> all() {
    return catalogue.all();
  }
}
