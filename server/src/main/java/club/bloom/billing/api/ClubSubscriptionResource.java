package club.bloom.billing.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Caller;
import club.bloom.access.domain.Roles;
import club.bloom.billing.api.BillingDtos.PlanChangeRequest;
import club.bloom.billing.api.BillingDtos.SubscriptionDto;
import club.bloom.billing.application.Subscriptions;
import club.bloom.billing.application.Subscriptions.ChangePlan;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The club's subscription, for its owner or admin (and the operator): plan, limits, usage; plan
 * changes now or from a later day. Another club's subscription looks like an unknown club (404).
 */
@Path("/clubs/{club}/subscription")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER, Roles.PLATFORM_OPERATOR})
public class ClubSubscriptionResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject Subscriptions subscriptions;

  @GET
  public SubscriptionDto get(@PathParam("club") String club) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    return SubscriptionDto.of(subscriptions.view(tenant));
  }

  @PUT
  public SubscriptionDto change(@PathParam("club") String club, PlanChangeRequest body) {
    Caller who = caller.get();
    Tenant tenant = scope.clubFor(who, Params.slug("club", club));
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    String plan = BillingDtos.plan(checks, body.plan());
    Optional<LocalDate> from = BillingDtos.effectiveFrom(checks, body.effectiveFrom());
    checks.throwIfAny();
    return SubscriptionDto.of(
        subscriptions.change(
            new ChangePlan(tenant, plan, from, Optional.empty(), requestedBy(who))));
  }

  static String requestedBy(Caller who) {
    return (who.isOperator() ? "operator:" : "club-admin:") + who.subject();
  }
}
