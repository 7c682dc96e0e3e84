package club.bloom.ingestion.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.domain.Roles;
import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.ingestion.application.PurchaseIntake;
import club.bloom.ingestion.application.RefundRecording.RecordRefund;
import club.bloom.ingestion.application.RefundRecording.RefundRecorded;
import club.bloom.ingestion.domain.ReceiptDates;
import club.bloom.shared.api.Dto.MoneyDto;
import club.bloom.shared.api.Dto.TierRef;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
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
import java.time.OffsetDateTime;
import java.util.UUID;

/** Partners reverse purchases, fully or partly, by the original receipt number. */
@Path("/refunds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RefundsResource {
  @Inject CurrentCaller caller;
  @Inject PurchaseIntake recording;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PURCHASES_WRITE)
  public Response refund(
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, RefundRequest body) {
    TenantId partner = PurchasesResource.partnerOf(caller.get());
    IdempotencyKey key = new IdempotencyKey(idempotencyKey);
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    String receipt = checks.required("receiptNumber", body.receiptNumber(), 64);
    String refund = checks.required("refundNumber", body.refundNumber(), 64);
    Money amount =
        body.amount() == null
            ? checks.present("amount", (Money) null)
            : checks.positiveMoney("amount", body.amount().amount(), body.amount().currency());
    OffsetDateTime occurredAt = checks.dateTime("occurredAt", body.occurredAt());
    if (occurredAt != null) {
      String when = ReceiptDates.problem(occurredAt.toInstant(), java.time.Instant.now());
      if (when != null) {
        checks.fail("occurredAt", when);
      }
    }
    checks.throwIfAny();
    RefundRecorded r =
        recording.refund(
            partner, key, new RecordRefund(receipt, refund, amount, occurredAt.toInstant()));
    return Response.status(201)
        .entity(
            new RefundResult(
                r.refundId(),
                r.receiptNumber(),
                r.refundNumber(),
                MoneyDto.of(r.amount()),
                MoneyDto.of(r.refundedTotal()),
                r.pointsReversed(),
                r.pointsReturned(),
                r.returnedCurrency(),
                r.reversedInOtherCurrencies(),
                r.pointsBalance(),
                r.pointsDebt(),
                r.tierCode() == null
                    ? new TierRef("none", "—")
                    : new TierRef(r.tierCode(), r.tierName()),
                ProgressDto.of(r.progress())))
        .build();
  }

  /** The contract's {@code RefundRequest}. */
  public record RefundRequest(
      String receiptNumber, String refundNumber, MoneyDto amount, String occurredAt) {}

  /** The contract's {@code RefundResult}. */
  public record RefundResult(
      UUID refundId,
      String receiptNumber,
      String refundNumber,
      MoneyDto amount,
      MoneyDto refundedTotal,
      long pointsReversed,
      long pointsReturned,
      String returnedCurrency,
      java.util.Map<String, Long> reversedInOtherCurrencies,
      long pointsBalance,
      long pointsDebt,
      TierRef tier,
      ProgressDto progress) {}
}
