package club.bloom.billing.api;

import club.bloom.billing.api.BillingDtos.PlanDto;
import club.bloom.billing.application.Plans;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The plan catalogue, public: prices in RUB a month and limits. */
@Path("/plans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlansResource {
  @Inject Plans plans;

  @GET
  public List<PlanDto> list() {
    return plans.all().stream().map(PlanDto::of).toList();
  }
}
