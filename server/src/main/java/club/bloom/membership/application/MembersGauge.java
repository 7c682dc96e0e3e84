package club.bloom.membership.application;

import club.bloom.billing.domain.Limit;
import club.bloom.billing.domain.UsageGauge;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** How many members a club holds, for its plan's {@code members} limit and statements. */
@ApplicationScoped
public class MembersGauge implements UsageGauge {
  @Inject MemberRepository members;

  @Override
  public Limit limit() {
    return Limit.MEMBERS;
  }

  @Override
  public long heldAt(Tenant club, Instant at) {
    return members.countEnrolledBefore(club.schema(), at);
  }
}
