package club.bloom.membership.application;

import club.bloom.membership.domain.PdAccessPolicy;
import club.bloom.membership.domain.PdAccessPolicyRepository;
import club.bloom.membership.domain.PdAudience;
import club.bloom.membership.domain.PdField;
import club.bloom.membership.domain.Visibility;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;

/**
 * The club's PD-access policy as club staff see and set it. It takes effect with the next read:
 * {@link PersonalDataDisclosure} reads the policy on every disclosure, nothing caches it.
 */
@ApplicationScoped
@Transactional
public class PdAccessPolicies {
  @Inject PdAccessPolicyRepository policies;
  @Inject Clock clock;

  public PdAccessPolicy policy(Tenant club) {
    return policies.policy(club.schema());
  }

  /** Sets these roles as given; roles not given go back to Bloom's defaults. */
  public PdAccessPolicy replace(Tenant club, Map<PdAudience, Map<PdField, Visibility>> rows) {
    policies.replace(club.schema(), rows, clock.instant());
    return policies.policy(club.schema());
  }
}
