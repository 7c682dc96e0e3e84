package club.bloom.billing.domain;

import java.util.List;
import java.util.Optional;

/** The plans of the installation (platform schema). */
public interface PlanCatalogue {
  /** All plans, cheapest first. */
  List<Plan> all();

  Optional<Plan> find(String code);
}
