package club.bloom.billing.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.domain.Roles;
import club.bloom.billing.api.BillingDtos.StatementDto;
import club.bloom.billing.api.BillingDtos.SubscriptionDto;
import club.bloom.billing.api.BillingDtos.SubscriptionUpdate;
import club.bloom.billing.api.BillingDtos.SuspensionRequest;
import club.bloom.billing.api.BillingDtos.TenantPage;
import club.bloom.billing.api.BillingDtos.TenantSummaryDto;
import club.bloom.billing.application.Subscriptions;
import club.bloom.billing.application.Subscriptions.ChangePlan;
import club.bloom.billing.application.Subscriptions.OverrideSpec;
import club.bloom.billing.application.TenantOperations;
import club.bloom.billing.application.UsageStatements;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry.TenantFilter;
import club.bloom.tenancy.domain.TenantRegistry.TenantKey;
import club.bloom.tenancy.domain.TenantStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The operator's console of tenants: the list with status, provisioning state, plan and usage; one
 * tenant's subscription (plan changes and overrides of single limits) and usage statements; and
 * suspension. Tenants are addressed as {@code clubs/{slug}} or {@code partners/{slug}}.
 */
@Path("/platform/tenants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class PlatformTenantsResource {
  @Inject CurrentCaller caller;
  @Inject TenantOperations operations;
  @Inject Subscriptions subscriptions;
  @Inject UsageStatements statements;

  @GET
  public TenantPage list(
      @QueryParam("kind") String kind,
      @QueryParam("status") String status,
      @QueryParam("q") String text,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Optional<TenantKind> kindFilter = Optional.empty();
    if (kind != null) {
      kindFilter =
          Optional.of(
              switch (kind) {
                case "club" -> TenantKind.CLUB;
                case "partner" -> TenantKind.PARTNER;
                default -> throw InvalidInput.of("kind", "must be 'club' or 'partner'");
              });
    }
    Optional<TenantStatus> statusFilter = Optional.empty();
    if (status != null) {
      statusFilter =
          Optional.of(
              switch (status) {
                case "PROVISIONING" -> TenantStatus.PROVISIONING;
                case "ACTIVE" -> TenantStatus.ACTIVE;
                case "SUSPENDED" -> TenantStatus.SUSPENDED;
                default ->
                    throw InvalidInput.of("status", "must be PROVISIONING, ACTIVE or SUSPENDED");
              });
    }
    Optional<String> textFilter = Optional.ofNullable(text).map(String::strip);
    if (textFilter.isPresent() && (textFilter.get().isEmpty() || textFilter.get().length() > 100)) {
      throw InvalidInput.of("q", "must be 1 to 100 characters");
    }
    TenantOperations.Page page =
        operations.page(
            new TenantFilter(kindFilter, statusFilter, textFilter),
            decode(cursor),
            Params.limit(limit));
    return new TenantPage(
        page.items().stream().map(TenantSummaryDto::of).toList(),
        page.next().map(PlatformTenantsResource::encode).orElse(null));
  }

  @GET
  @Path("/{kind}/{slug}")
  public TenantSummaryDto get(@PathParam("kind") String kind, @PathParam("slug") String slug) {
    return TenantSummaryDto.of(operations.summary(kind(kind), Params.slug("slug", slug)));
  }

  @PUT
  @Path("/{kind}/{slug}/suspension")
  public TenantSummaryDto suspend(
      @PathParam("kind") String kind, @PathParam("slug") String slug, SuspensionRequest body) {
    TenantKind k = kind(kind);
    Slug s = Params.slug("slug", slug);
    FieldChecks checks = new FieldChecks();
    String reason = checks.required("reason", body == null ? null : body.reason(), 500);
    checks.throwIfAny();
    return TenantSummaryDto.of(operations.suspend(k, s, reason));
  }

  @DELETE
  @Path("/{kind}/{slug}/suspension")
  public TenantSummaryDto resume(@PathParam("kind") String kind, @PathParam("slug") String slug) {
    return TenantSummaryDto.of(operations.resume(kind(kind), Params.slug("slug", slug)));
  }

  @GET
  @Path("/{kind}/{slug}/subscription")
  public SubscriptionDto subscription(
      @PathParam("kind") String kind, @PathParam("slug") String slug) {
    return SubscriptionDto.of(subscriptions.view(tenant(kind, slug)));
  }

  @PUT
  @Path("/{kind}/{slug}/subscription")
  public SubscriptionDto changeSubscription(
      @PathParam("kind") String kind, @PathParam("slug") String slug, SubscriptionUpdate body) {
    Tenant tenant = tenant(kind, slug);
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    String plan = BillingDtos.plan(checks, body.plan());
    Optional<LocalDate> from = BillingDtos.effectiveFrom(checks, body.effectiveFrom());
    Optional<List<OverrideSpec>> overrides = BillingDtos.overrides(checks, body.overrides());
    checks.throwIfAny();
    return SubscriptionDto.of(
        subscriptions.change(
            new ChangePlan(tenant, plan, from, overrides, "operator:" + caller.get().subject())));
  }

  @GET
  @Path("/{kind}/{slug}/usage-statements/{month}")
  public StatementDto statement(
      @PathParam("kind") String kind,
      @PathParam("slug") String slug,
      @PathParam("month") String month) {
    Tenant tenant = tenant(kind, slug);
    return StatementDto.of(tenant, statements.of(tenant, BillingDtos.month(month)));
  }

  @GET
  @Path("/{kind}/{slug}/usage-statements/{month}.csv")
  @Produces("text/csv")
  public Response statementCsv(
      @PathParam("kind") String kind,
      @PathParam("slug") String slug,
      @PathParam("month") String month) {
    Tenant tenant = tenant(kind, slug);
    return StatementCsv.response(tenant, statements.of(tenant, BillingDtos.month(month)));
  }

  private Tenant tenant(String kind, String slug) {
    return operations.tenant(kind(kind), Params.slug("slug", slug));
  }

  private static TenantKind kind(String segment) {
    return switch (segment) {
      case "clubs" -> TenantKind.CLUB;
      case "partners" -> TenantKind.PARTNER;
      default -> throw new NotFound("not-found", "Not found", "Tenants are clubs or partners");
    };
  }

  private static String encode(TenantKey key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            (key.kind().name() + ":" + key.slug().value()).getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<TenantKey> decode(String cursor) {
    if (cursor == null) {
      return Optional.empty();
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
      if (parts.length == 2 && Slug.isValid(parts[1])) {
        return Optional.of(new TenantKey(TenantKind.valueOf(parts[0]), new Slug(parts[1])));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the problem below
    }
    throw InvalidInput.of("cursor", "is not a cursor this API returned");
  }
}
