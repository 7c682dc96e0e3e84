package club.bloom.onboarding.domain;

import club.bloom.tenancy.domain.TenantId;
import java.util.Optional;

/** Partnerships in the platform schema. */
public interface Partnerships {
  Optional<Partnership> find(TenantId club, TenantId partner);

  void add(Partnership partnership);

  /** Partners that joined the club before that instant (partnerships are never ended today). */
  long countOfClubBefore(TenantId club, java.time.Instant before);
}
