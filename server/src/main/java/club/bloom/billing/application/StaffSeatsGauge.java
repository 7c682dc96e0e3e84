package club.bloom.billing.application;

import club.bloom.access.application.StaffManagement;
import club.bloom.billing.domain.Limit;
import club.bloom.billing.domain.UsageGauge;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * How many staff seats a tenant holds, for its plan's {@code staffSeats} limit: the users holding
 * one of its staff roles now, as Keycloak knows them. Seats have no history: a past month reads the
 * present count (ADR 0021). Kept in billing, which asks for it, since access may not import billing
 * (ADR 0039).
 */
@ApplicationScoped
public class StaffSeatsGauge implements UsageGauge {
  @Inject StaffManagement staff;

  @Override
  public Limit limit() {
    return Limit.STAFF_SEATS;
  }

  @Override
  public long heldAt(Tenant tenant, Instant at) {
    return staff.seatsHeld(tenant);
  }
}
