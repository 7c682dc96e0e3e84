package club.bloom.ingestion.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.domain.Caller;
import club.bloom.access.domain.Roles;
import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.ingestion.application.PartnerReceipts;
import club.bloom.ingestion.application.PurchaseIntake;
import club.bloom.ingestion.application.PurchaseRecording.PurchaseRecorded;
import club.bloom.ingestion.application.PurchaseRecording.RecordPurchase;
import club.bloom.ingestion.domain.ReceiptDates;
import club.bloom.shared.api.Dto.MoneyDto;
import club.bloom.shared.api.Dto.TierRef;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.AccessDenied;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tiers.api.ProgressDto;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Partners' purchases. Thin: contract ↔ command, one application call. */
@Path("/purchases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PurchasesResource {
  private static final Pattern CATEGORY = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");

  @Inject CurrentCaller caller;
  @Inject PurchaseIntake recording;
  @Inject PartnerReceipts receipts;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PURCHASES_WRITE)
  public Response post(
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey, PurchaseRequest body) {
    TenantId partner = partnerOf(caller.get());
    IdempotencyKey key = new IdempotencyKey(idempotencyKey);
    RecordPurchase command = toCommand(body);
    PurchaseRecorded recorded = recording.record(partner, key, command);
    return Response.status(201).entity(PurchaseResult.of(recorded)).build();
  }

  @GET
  @RolesAllowed(Roles.PURCHASES_READ)
  public ReceiptPage list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    TenantId partner = partnerOf(caller.get());
    int size = Params.limit(limit);
    PartnerReceipts.Page page = receipts.page(partner, PageCursor.decode(cursor), size);
    List<ReceiptDto> items =
        page.items().stream()
            .map(
                r ->
                    new ReceiptDto(
                        r.id(),
                        r.receiptNumber(),
                        page.clubOf(r),
                        r.passportCode(),
                        MoneyDto.of(r.amount()),
                        r.categoryCode(),
                        r.occurredAt().toString(),
                        r.pointsEarned()))
            .toList();
    return new ReceiptPage(items, page.next() == null ? null : page.next().encode());
  }

  static TenantId partnerOf(Caller caller) {
    if (caller.tenantKind().orElse(null) != TenantKind.PARTNER) {
      throw new AccessDenied("Only partner credentials report purchases");
    }
    return caller.tenant().orElseThrow();
  }

  private static RecordPurchase toCommand(PurchaseRequest body) {
    FieldChecks checks = new FieldChecks();
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    RecordPurchase command = purchaseFields(checks, body);
    checks.throwIfAny();
    return command;
  }

  /**
   * Checks the fields of a purchase into {@code checks}; the command, or null when a field is
   * wrong. Shared with {@link RedemptionsResource}, whose request carries the same receipt.
   */
  static RecordPurchase purchaseFields(FieldChecks checks, PurchaseRequest body) {
    String passport = checks.required("passportCode", body.passportCode(), 32);
    Money amount =
        body.amount() == null
            ? checks.present("amount", (Money) null)
            : checks.positiveMoney("amount", body.amount().amount(), body.amount().currency());
    String category =
        checks.matches(
            "category", body.category(), CATEGORY, "must be a category code such as 'florist'");
    OffsetDateTime occurredAt = checks.dateTime("occurredAt", body.occurredAt());
    String receipt = checks.required("receiptNumber", body.receiptNumber(), 64);
    String when =
        occurredAt == null
            ? null
            : ReceiptDates.problem(occurredAt.toInstant(), java.time.Instant.now());
    boolean future = when != null;
    if (future) {
      checks.fail("occurredAt", when);
    }
    if (passport == null
        || amount == null
        || category == null
        || occurredAt == null
        || receipt == null
        || future) {
      return null;
    }
    return new RecordPurchase(passport, amount, category, occurredAt.toInstant(), receipt);
  }

  /** The contract's {@code PurchaseRequest}. */
  public record PurchaseRequest(
      String passportCode,
      MoneyDto amount,
      String category,
      String occurredAt,
      String receiptNumber) {}

  /** The contract's {@code PurchaseResult}. */
  public record PurchaseResult(
      UUID purchaseId,
      String receiptNumber,
      String club,
      MoneyDto amount,
      String category,
      long pointsEarned,
      long pointsBalance,
      TierRef tier,
      ProgressDto progress,
      List<BonusDto> bonuses) {
    static PurchaseResult of(PurchaseRecorded r) {
      return new PurchaseResult(
          r.purchaseId(),
          r.receiptNumber(),
          r.club(),
          MoneyDto.of(r.amount()),
          r.category(),
          r.pointsEarned(),
          r.pointsBalance(),
          r.tierCode() == null ? new TierRef("none", "—") : new TierRef(r.tierCode(), r.tierName()),
          ProgressDto.of(r.progress()),
          r.bonuses() == null
              ? List.of()
              : r.bonuses().stream()
                  .map(
                      b ->
                          new BonusDto(
                              b.rule(),
                              b.currency(),
                              b.points(),
                              b.expiresAt() == null ? null : b.expiresAt().toString()))
                  .toList());
    }
  }

  /** The contract's {@code Bonus}. */
  public record BonusDto(String rule, String currency, long points, String expiresAt) {}

  /** The contract's {@code Receipt}. */
  public record ReceiptDto(
      UUID purchaseId,
      String receiptNumber,
      String club,
      String passportCode,
      MoneyDto amount,
      String category,
      String occurredAt,
      long pointsEarned) {}

  /** The contract's {@code ReceiptPage}. */
  public record ReceiptPage(List<ReceiptDto> items, String nextCursor) {}
}
