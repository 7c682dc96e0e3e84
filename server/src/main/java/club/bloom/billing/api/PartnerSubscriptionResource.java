package club.bloom.billing.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.PartnerScope;
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
 * The partner's subscription, for its owner or admin (and the operator): the partner-side twin of
 * {@link ClubSubscriptionResource}. Another partner's looks like an unknown partner (404).
 */
@Path("/partners/{partner}/subscription")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARTNER_ADMIN, Roles.PARTNER_OWNER, Roles.PLATFORM_OPERATOR})
public class PartnerSubscriptionResource {
  @Inject CurrentCaller caller;
  @Inject PartnerScope scope;
  @Inject Subscriptions subscriptions;

  @GET
  public SubscriptionDto get(@PathParam("partner") String partner) {
    Tenant tenant = scope.partnerFor(caller.get(), Params.slug("partner", partner));
    return SubscriptionDto.of(subscriptions.view(tenant));
  }

  @PUT
  public SubscriptionDto change(@PathParam("partner") String partner, PlanChangeRequest body) {
    Caller who = caller.get();
    Tenant tenant = scope.partnerFor(who, Params.slug("partner", partner));
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    String plan = BillingDtos.plan(checks, body.plan());
    Optional<LocalDate> from = BillingDtos.effectiveFrom(checks, body.effectiveFrom());
    checks.throwIfAny();
    String requestedBy = (who.isOperator() ? "operator:" : "partner-admin:") + who.subject();
    return SubscriptionDto.of(
        subscriptions.change(new ChangePlan(tenant, plan, from, Optional.empty(), requestedBy)));
  }
}
