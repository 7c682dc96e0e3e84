package club.bloom.ingestion.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.domain.Roles;
import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.ingestion.api.PurchasesResource.BonusDto;
import club.bloom.ingestion.api.PurchasesResource.PurchaseRequest;
import club.bloom.ingestion.api.PurchasesResource.PurchaseResult;
import club.bloom.ingestion.application.PurchaseIntake;
import club.bloom.ingestion.application.PurchaseRecording.RecordPurchase;
import club.bloom.ingestion.application.RedemptionRecording.RecordRedemption;
import club.bloom.ingestion.application.RedemptionRecording.RedemptionRecorded;
import club.bloom.shared.api.Dto.MoneyDto;
import club.bloom.shared.api.Dto.TierRef;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tiers.api.ProgressDto;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Partners take points as part payment of a receipt, confirmed by the member's one-time code; the
 * purchase is recorded with it. Thin: contract ↔ command, one application call.
 */
@Path("/redemptions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RedemptionsResource {
  private static final Pattern CODE = Pattern.compile("^[0-9]{6}$");
  private static final Pattern CURRENCY = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");

  @Inject CurrentCaller caller;
  @Inject PurchaseIntake recording;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PURCHASES_WRITE)
  public Response redeem(
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, RedemptionRequest body) {
    TenantId partner = PurchasesResource.partnerOf(caller.get());
    IdempotencyKey key = new IdempotencyKey(idempotencyKey);
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    RecordPurchase receipt =
        PurchasesResource.purchaseFields(
            checks,
            new PurchaseRequest(
                body.passportCode(),
                body.amount(),
                body.category(),
                body.occurredAt(),
                body.receiptNumber()));
    Long points = checks.present("pointsToRedeem", body.pointsToRedeem());
    if (points != null && points < 1) {
      checks.fail("pointsToRedeem", "must be at least 1");
    }
    String code =
        checks.matches(
            "confirmationCode",
            body.confirmationCode(),
            CODE,
            "must be the member's six-digit code");
    String currency =
        body.currency() == null
            ? null
            : checks.matches(
                "currency",
                body.currency(),
                CURRENCY,
                "must be a currency code such as points or cross-credits");
    checks.throwIfAny();
    RedemptionRecorded r =
        recording.redeem(partner, key, new RecordRedemption(receipt, currency, points, code));
    return Response.status(201).entity(RedemptionResult.of(r)).build();
  }

  /** The contract's {@code RedemptionRequest}: the whole receipt, the points, the member's code. */
  public record RedemptionRequest(
      String passportCode,
      MoneyDto amount,
      String category,
      String occurredAt,
      String receiptNumber,
      Long pointsToRedeem,
      String confirmationCode,
      String currency) {}

  /** The contract's {@code RedemptionResult}: the purchase's result and how it was paid. */
  public record RedemptionResult(
      UUID purchaseId,
      String receiptNumber,
      String club,
      MoneyDto amount,
      String category,
      long pointsEarned,
      long pointsBalance,
      TierRef tier,
      ProgressDto progress,
      List<BonusDto> bonuses,
      String currency,
      long pointsRedeemed,
      MoneyDto amountPaidWithPoints,
      MoneyDto amountPaidWithMoney) {
    static RedemptionResult of(RedemptionRecorded r) {
      PurchaseResult p = PurchaseResult.of(r.purchase());
      return new RedemptionResult(
          p.purchaseId(),
          p.receiptNumber(),
          p.club(),
          p.amount(),
          p.category(),
          p.pointsEarned(),
          p.pointsBalance(),
          p.tier(),
          p.progress(),
          p.bonuses(),
          r.currency(),
          r.pointsRedeemed(),
          MoneyDto.of(r.amountPaidWithPoints()),
          MoneyDto.of(r.amountPaidWithMoney()));
    }
  }
}
