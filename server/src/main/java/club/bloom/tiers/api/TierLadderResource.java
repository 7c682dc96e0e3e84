package club.bloom.tiers.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.shared.api.Dto.MoneyDto;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tiers.application.TierConfiguration;
import club.bloom.tiers.domain.TierRule;
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

/**
 * Club owners and admins (or an operator) read and define the club's tier ladder; its analysts read
 * it. (Its own root path, more specific than the catalogue's {@code /clubs/{club}}, so the request
 * is matched here.)
 */
@Path("/clubs/{club}/tiers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER, Roles.PLATFORM_OPERATOR})
public class TierLadderResource {
  private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");
  private static final Pattern PERCENT = Pattern.compile("^[0-9]{1,2}(\\.[0-9]{1,2})?$");

  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject TierConfiguration tiers;

  /** The ladder, lowest rank first. */
  @GET
  @RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER, Roles.CLUB_ANALYST, Roles.PLATFORM_OPERATOR})
  public List<TierDto> tiers(@PathParam("club") String club) {
    Tenant tenant = scope.clubForReading(caller.get(), Params.slug("club", club));
    return tiers.ladder(tenant.schema()).rules().stream().map(TierDto::of).toList();
  }

  @PUT
  public List<TierDto> tiers(@PathParam("club") String club, List<TierDto> body) {
    Tenant tenant = scope.clubFor(caller.get(), Params.slug("club", club));
    if (body == null || body.isEmpty() || body.size() > 20) {
      throw InvalidInput.of("body", "must list 1–20 tiers");
    }
    FieldChecks checks = new FieldChecks();
    List<TierRule> rules = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      TierDto t = body.get(i);
      String at = "[" + i + "]";
      if (t == null) {
        checks.fail(at, "is required");
        continue;
      }
      String code =
          checks.matches(
              at + ".code", t.code(), CODE, "must be lower-case letters, digits and hyphens");
      String name = checks.required(at + ".name", t.name(), 80);
      Integer rank = checks.present(at + ".rank", t.rank());
      if (rank != null && rank < 0) {
        checks.fail(at + ".rank", "must be 0 or more");
      }
      Money minSpend = null;
      if (t.minSpend() == null) {
        checks.fail(at + ".minSpend", "is required");
      } else if ("0".equals(t.minSpend().amount()) || "0.00".equals(t.minSpend().amount())) {
        minSpend = Money.zero(Money.RUB);
      } else {
        minSpend =
            checks.positiveMoney(at + ".minSpend", t.minSpend().amount(), t.minSpend().currency());
      }
      Integer minCategories = checks.present(at + ".minCategories", t.minCategories());
      if (minCategories != null && minCategories < 0) {
        checks.fail(at + ".minCategories", "must be 0 or more");
      }
      int window = t.windowMonths() == null ? 12 : t.windowMonths();
      if (window < 1 || window > 36) {
        checks.fail(at + ".windowMonths", "must be between 1 and 36");
      }
      String percent =
          checks.matches(
              at + ".accrualPercent",
              t.accrualPercent(),
              PERCENT,
              "must be a percent such as 5 or 7.5");
      Boolean invitationOnly = checks.present(at + ".invitationOnly", t.invitationOnly());
      BigDecimal topPercent = null;
      if (t.topPercent() != null) {
        if (!PERCENT.matcher(t.topPercent()).matches()
            || new BigDecimal(t.topPercent()).signum() <= 0) {
          checks.fail(at + ".topPercent", "must be a percent greater than 0, such as 1");
        } else {
          topPercent = new BigDecimal(t.topPercent());
        }
      }
      if (code != null
          && name != null
          && rank != null
          && minSpend != null
          && minCategories != null
          && percent != null
          && invitationOnly != null) {
        rules.add(
            new TierRule(
                code,
                name,
                rank,
                minSpend,
                minCategories,
                window,
                new BigDecimal(percent),
                invitationOnly,
                topPercent));
      }
    }
    checks.throwIfAny();
    return tiers.define(tenant.schema(), rules).rules().stream().map(TierDto::of).toList();
  }

  /** The contract's {@code Tier}. */
  public record TierDto(
      String code,
      String name,
      Integer rank,
      MoneyDto minSpend,
      Integer minCategories,
      Integer windowMonths,
      String accrualPercent,
      Boolean invitationOnly,
      String topPercent) {
    static TierDto of(TierRule r) {
      return new TierDto(
          r.code(),
          r.name(),
          r.rank(),
          MoneyDto.of(r.minSpend()),
          r.minCategories(),
          r.windowMonths(),
          r.accrualPercent().stripTrailingZeros().toPlainString(),
          r.invitationOnly(),
          r.topPercent() == null ? null : r.topPercent().stripTrailingZeros().toPlainString());
    }
  }
}
