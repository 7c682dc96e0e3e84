package club.bloom.billing.api;

import club.bloom.billing.application.Subscriptions.OverrideSpec;
import club.bloom.billing.application.Subscriptions.SubscriptionView;
import club.bloom.billing.application.TenantOperations.TenantSummary;
import club.bloom.billing.domain.Limit;
import club.bloom.billing.domain.LimitOverride;
import club.bloom.billing.domain.Limits;
import club.bloom.billing.domain.Plan;
import club.bloom.billing.domain.UsageStatement;
import club.bloom.billing.domain.UsageStatement.UsageLine;
import club.bloom.shared.api.Dto.MoneyDto;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** The contract's billing shapes and their mapping; shared by the billing resources. */
public final class BillingDtos {
  private static final Pattern PLAN = Pattern.compile("^[a-z][a-z0-9-]{1,31}$");
  private static final Pattern MONTH = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");

  private BillingDtos() {}

  /** The contract's {@code PlanLimits}: an absent limit is unlimited. */
  public record LimitsDto(
      Long members,
      Long partnersPerClub,
      Long purchasesPerMonth,
      Long apiRequestsPerSecond,
      Long csvRowsPerDay,
      Long staffSeats) {
    static LimitsDto of(Limits l) {
      return new LimitsDto(
          value(l.allowed(Limit.MEMBERS)),
          value(l.allowed(Limit.PARTNERS_PER_CLUB)),
          value(l.allowed(Limit.PURCHASES_PER_MONTH)),
          value(l.allowed(Limit.API_REQUESTS_PER_SECOND)),
          value(l.allowed(Limit.CSV_ROWS_PER_DAY)),
          value(l.allowed(Limit.STAFF_SEATS)));
    }
  }

  /** The contract's {@code Plan}. */
  public record PlanDto(String code, String name, MoneyDto monthlyPrice, LimitsDto limits) {
    static PlanDto of(Plan p) {
      return new PlanDto(
          p.code(), p.name(), MoneyDto.of(p.monthlyPrice()), LimitsDto.of(p.limits()));
    }
  }

  /** The contract's {@code PlanRef}. */
  public record PlanRef(String code, String name) {
    static PlanRef of(Plan p) {
      return new PlanRef(p.code(), p.name());
    }
  }

  /** The contract's {@code TenantRef}. */
  public record TenantRef(String kind, String slug, String name) {
    static TenantRef of(Tenant t) {
      return new TenantRef(kindName(t.kind()), t.slug().value(), t.name());
    }
  }

  /** The contract's {@code LimitOverride}; {@code value} absent: unlimited. */
  public record OverrideDto(String limit, Long value) {
    static OverrideDto of(LimitOverride o) {
      return new OverrideDto(o.limit().contractName(), BillingDtos.value(o.value()));
    }
  }

  /** The contract's {@code UsageLine}. */
  public record UsageLineDto(String metric, long quantity, String limit, Long allowed) {
    static UsageLineDto of(UsageLine l) {
      return new UsageLineDto(
          l.metric(),
          l.quantity(),
          l.limit() == null ? null : l.limit().contractName(),
          l.allowed());
    }
  }

  /** The contract's {@code PendingPlanChange}. */
  public record PendingDto(PlanRef plan, String effectiveFrom) {}

  /** The contract's {@code Subscription}. */
  public record SubscriptionDto(
      TenantRef tenant,
      PlanRef plan,
      MoneyDto monthlyPrice,
      String since,
      PendingDto pendingChange,
      LimitsDto limits,
      List<OverrideDto> overrides,
      String month,
      List<UsageLineDto> usage) {
    static SubscriptionDto of(SubscriptionView v) {
      return new SubscriptionDto(
          TenantRef.of(v.tenant()),
          PlanRef.of(v.plan()),
          MoneyDto.of(v.plan().monthlyPrice()),
          v.since().toString(),
          v.pending()
              .map(p -> new PendingDto(PlanRef.of(p.plan()), p.effectiveFrom().toString()))
              .orElse(null),
          LimitsDto.of(v.limits()),
          v.overrides().stream().map(OverrideDto::of).toList(),
          v.month(),
          v.usage().stream().map(UsageLineDto::of).toList());
    }
  }

  /** The contract's {@code PlanChangeRequest} (tenant admin). */
  public record PlanChangeRequest(String plan, String effectiveFrom) {}

  /** The contract's {@code SubscriptionUpdate} (operator). */
  public record SubscriptionUpdate(
      String plan, String effectiveFrom, List<OverrideDto> overrides) {}

  /** The contract's {@code UsageCharge}. */
  public record ChargeDto(
      PlanRef plan, String from, String to, MoneyDto monthlyPrice, MoneyDto amount) {}

  /** The contract's {@code UsageStatement}. */
  public record StatementDto(
      TenantRef tenant,
      String month,
      String timeZone,
      String from,
      String to,
      boolean closed,
      List<ChargeDto> charges,
      List<UsageLineDto> usage,
      MoneyDto total) {
    static StatementDto of(Tenant tenant, UsageStatement s) {
      return new StatementDto(
          TenantRef.of(tenant),
          s.month().toString(),
          s.zone().getId(),
          s.period().start().toString(),
          s.period().end().toString(),
          s.closed(),
          s.charges().stream()
              .map(
                  c ->
                      new ChargeDto(
                          new PlanRef(c.planCode(), c.planName()),
                          c.from().toString(),
                          c.to().toString(),
                          MoneyDto.of(c.monthlyPrice()),
                          MoneyDto.of(c.amount())))
              .toList(),
          s.usage().stream().map(UsageLineDto::of).toList(),
          MoneyDto.of(s.total()));
    }
  }

  /** The contract's {@code TenantUsage}: this month's flows. */
  public record TenantUsageDto(String month, long purchases, long apiRequests) {}

  /** The contract's {@code TenantSummary}. */
  public record TenantSummaryDto(
      String kind,
      String slug,
      String name,
      String status,
      String provisioningStep,
      String suspendedAt,
      String suspensionReason,
      PlanRef plan,
      LimitsDto limits,
      TenantUsageDto usage) {
    static TenantSummaryDto of(TenantSummary s) {
      Tenant t = s.tenant();
      return new TenantSummaryDto(
          kindName(t.kind()),
          t.slug().value(),
          t.name(),
          t.status().name(),
          t.provisioningStep().name(),
          t.suspendedAt().map(Object::toString).orElse(null),
          t.suspensionReason().orElse(null),
          PlanRef.of(s.plan()),
          LimitsDto.of(s.limits()),
          new TenantUsageDto(s.month(), s.purchases(), s.apiRequests()));
    }
  }

  /** The contract's {@code TenantPage}. */
  public record TenantPage(List<TenantSummaryDto> items, String nextCursor) {}

  /** The contract's {@code Suspension}. */
  public record SuspensionRequest(String reason) {}

  static String kindName(TenantKind kind) {
    return kind == TenantKind.CLUB ? "club" : "partner";
  }

  static Long value(OptionalLong v) {
    return v.isPresent() ? v.getAsLong() : null;
  }

  /** A plan code of the request, checked for shape (the catalogue decides if it exists). */
  static String plan(FieldChecks checks, String plan) {
    return checks.matches("plan", plan, PLAN, "must be a plan code such as 'business'");
  }

  static Optional<LocalDate> effectiveFrom(FieldChecks checks, String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      checks.fail("effectiveFrom", "must be a date such as 2026-12-01");
      return Optional.empty();
    }
  }

  static Optional<List<OverrideSpec>> overrides(FieldChecks checks, List<OverrideDto> overrides) {
    if (overrides == null) {
      return Optional.empty();
    }
    List<OverrideSpec> specs = new ArrayList<>();
    List<Limit> seen = new ArrayList<>();
    for (int i = 0; i < overrides.size(); i++) {
      OverrideDto o = overrides.get(i);
      String at = "overrides[" + i + "]";
      if (o == null) {
        checks.fail(at, "is required");
        continue;
      }
      Optional<Limit> limit =
          o.limit() == null ? Optional.empty() : Limit.byContractName(o.limit());
      if (limit.isEmpty()) {
        checks.fail(
            at + ".limit",
            "must be one of "
                + String.join(
                    ", ", Arrays.stream(Limit.values()).map(Limit::contractName).toList()));
        continue;
      }
      if (seen.contains(limit.get())) {
        checks.fail(at + ".limit", "is overridden twice");
        continue;
      }
      seen.add(limit.get());
      if (o.value() != null
          && (o.value() < 0 || (limit.get() == Limit.API_REQUESTS_PER_SECOND && o.value() == 0))) {
        checks.fail(
            at + ".value",
            limit.get() == Limit.API_REQUESTS_PER_SECOND
                ? "must be at least 1 (absent: unlimited)"
                : "must be 0 or more (absent: unlimited)");
        continue;
      }
      specs.add(new OverrideSpec(limit.get(), o.value()));
    }
    return Optional.of(specs);
  }

  static YearMonth month(String text) {
    if (text == null || !MONTH.matcher(text).matches()) {
      throw InvalidInput.of("month", "must be a month such as 2026-11");
    }
    return YearMonth.parse(text);
  }
}
