package club.bloom.ledger.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.ledger.application.LedgerConfiguration;
import club.bloom.ledger.application.LedgerConfiguration.CurrencyDefinition;
import club.bloom.ledger.domain.Currency;
import club.bloom.ledger.domain.SpentPointsPolicy;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Club staff (or an operator) define the club's points currencies and ledger policy. */
@Path("/clubs/{club}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER, Roles.PLATFORM_OPERATOR})
public class ClubLedgerResource {
  private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");
  private static final Pattern VALUE = Pattern.compile("^[0-9]{1,6}(\\.[0-9]{1,4})?$");

  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject LedgerConfiguration configuration;

  @GET
  @Path("/currencies")
  public List<CurrencyDto> currencies(@PathParam("club") String club) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    return configuration.currencies(tenant.schema()).stream().map(CurrencyDto::of).toList();
  }

  @PUT
  @Path("/currencies")
  public List<CurrencyDto> defineCurrencies(
      @PathParam("club") String club, List<CurrencyDto> body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    if (body == null || body.isEmpty() || body.size() > 10) {
      throw InvalidInput.of("body", "must list 1–10 currencies");
    }
    FieldChecks checks = new FieldChecks();
    List<CurrencyDefinition> defs = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      CurrencyDto c = body.get(i);
      String at = "[" + i + "]";
      if (c == null) {
        checks.fail(at, "is required");
        continue;
      }
      String code =
          checks.matches(
              at + ".code", c.code(), CODE, "must be lower-case letters, digits and hyphens");
      String name = checks.required(at + ".name", c.name(), 80);
      String value =
          checks.matches(
              at + ".rubleValue", c.rubleValue(), VALUE, "must be a decimal such as 1 or 0.5");
      int activation = c.activationDays() == null ? 0 : c.activationDays();
      if (activation < 0 || activation > 365) {
        checks.fail(at + ".activationDays", "must be between 0 and 365");
      }
      if (c.inactivityMonths() != null
          && (c.inactivityMonths() < 1 || c.inactivityMonths() > 120)) {
        checks.fail(at + ".inactivityMonths", "must be between 1 and 120, or absent");
      }
      if (code != null && name != null && value != null) {
        defs.add(
            new CurrencyDefinition(
                code,
                name,
                new BigDecimal(value),
                activation,
                c.inactivityMonths(),
                Boolean.TRUE.equals(c.onlyAtOtherPartners())));
      }
    }
    checks.throwIfAny();
    return configuration.defineCurrencies(tenant.schema(), defs).stream()
        .map(CurrencyDto::of)
        .toList();
  }

  @PUT
  @Path("/ledger-policy")
  public LedgerPolicyDto policy(@PathParam("club") String club, LedgerPolicyDto body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    SpentPointsPolicy policy;
    try {
      policy =
          SpentPointsPolicy.valueOf(body == null ? "" : String.valueOf(body.spentPointsOnRefund()));
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of("spentPointsOnRefund", "must be DEBT or WRITE_OFF");
    }
    BigDecimal limit = null;
    if (body.maxRedeemPercent() != null) {
      if (!VALUE.matcher(body.maxRedeemPercent()).matches()
          || new BigDecimal(body.maxRedeemPercent()).signum() <= 0
          || new BigDecimal(body.maxRedeemPercent()).compareTo(BigDecimal.valueOf(100)) > 0) {
        throw InvalidInput.of(
            "maxRedeemPercent", "must be a percent greater than 0 and at most 100");
      }
      limit = new BigDecimal(body.maxRedeemPercent());
    }
    BigDecimal inForce = configuration.setPolicy(tenant.schema(), policy, limit);
    return new LedgerPolicyDto(policy.name(), inForce.stripTrailingZeros().toPlainString());
  }

  /** The contract's {@code Currency}. */
  public record CurrencyDto(
      String code,
      String name,
      String rubleValue,
      Integer activationDays,
      Integer inactivityMonths,
      Boolean onlyAtOtherPartners) {
    static CurrencyDto of(Currency c) {
      return new CurrencyDto(
          c.code(),
          c.name(),
          c.rubleValue().stripTrailingZeros().toPlainString(),
          c.activationDays(),
          c.inactivityMonths().orElse(null),
          c.onlyAtOtherPartners());
    }
  }

  /** The contract's {@code LedgerPolicy}. */
  public record LedgerPolicyDto(String spentPointsOnRefund, String maxRedeemPercent) {}
}
