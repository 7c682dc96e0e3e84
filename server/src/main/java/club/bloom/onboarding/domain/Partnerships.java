package club.bloom.onboarding.domain;

import club.bloom.tenancy.domain.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Partnerships in the platform schema. */
public interface Partnerships {
  /** The partnership of the club and the partner, active or ended. */
  Optional<Partnership> find(TenantId club, TenantId partner);

  void add(Partnership partnership);

  /**
   * Partners of the club just before that instant: joined before it and not ended by then. A
   * partnership ended and joined again counts from its new start.
   */
  long countOfClubBefore(TenantId club, Instant before);

  /** The club's partnerships, active and ended, oldest first. */
  List<Partnership> ofClub(TenantId club);

  /** The partner's partnerships, active and ended, oldest first. */
  List<Partnership> ofPartner(TenantId partner);
}
