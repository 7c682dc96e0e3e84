package club.bloom.onboarding.application;

import club.bloom.billing.domain.Limit;
import club.bloom.billing.domain.UsageGauge;
import club.bloom.onboarding.domain.Partnerships;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** How many partners a club has, for its plan's {@code partnersPerClub} limit and statements. */
@ApplicationScoped
public class PartnersGauge implements UsageGauge {
  @Inject Partnerships partnerships;

  @Override
  public Limit limit() {
    return Limit.PARTNERS_PER_CLUB;
  }

  @Override
  public long heldAt(Tenant club, Instant at) {
    return partnerships.countOfClubBefore(club.id(), at);
  }
}
