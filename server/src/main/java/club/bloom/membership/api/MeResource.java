package club.bloom.membership.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.domain.Roles;
import club.bloom.ingestion.api.PurchasesResource.ProgressDto;
import club.bloom.ingestion.application.ProgressView;
import club.bloom.ingestion.domain.PageCursor;
import club.bloom.membership.api.ConsentDtos.ConsentDocumentDto;
import club.bloom.membership.application.MemberCabinet;
import club.bloom.membership.application.MemberCabinet.Cabinet;
import club.bloom.membership.application.MemberCabinet.PurchaseHistory;
import club.bloom.membership.application.RedemptionConfirmation;
import club.bloom.membership.application.RedemptionConfirmation.IssuedCode;
import club.bloom.membership.domain.PassportImage;
import club.bloom.shared.api.Dto.MoneyDto;
import club.bloom.shared.api.Dto.TierRef;
import club.bloom.shared.api.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** The signed-in member's cabinet. */
@Path("/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class MeResource {
  @Inject CurrentCaller caller;
  @Inject MemberCabinet cabinet;
  @Inject PassportImage images;
  @Inject RedemptionConfirmation confirmation;

  @GET
  public CabinetDto get() {
    Cabinet c = cabinet.cabinet(caller.get());
    TierRef tier =
        c.progress()
            .current()
            .map(r -> new TierRef(r.code(), r.name()))
            .orElse(new TierRef("none", "—"));
    return new CabinetDto(
        c.memberId(),
        c.club().slug().value(),
        c.club().name(),
        c.passport().value(),
        c.firstName(),
        c.pointsBalance(),
        c.pointsPending(),
        c.pointsDebt(),
        tier,
        ProgressDto.of(ProgressView.of(c.progress(), c.club().locale())),
        c.innerCircle()
            .map(
                i ->
                    new InnerCircleDto(
                        new TierRef(i.tier().code(), i.tier().name()),
                        i.until().map(Object::toString).orElse(null)))
            .orElse(null),
        c.pendingConsents().stream().map(ConsentDocumentDto::of).toList());
  }

  @GET
  @Path("/purchases")
  public PurchasePage purchases(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    int size = Params.limit(limit);
    PurchaseHistory history = cabinet.purchases(caller.get(), PageCursor.decode(cursor), size);
    List<PurchaseDto> items =
        history.lines().stream()
            .map(
                l ->
                    new PurchaseDto(
                        l.purchase().id(),
                        l.partner() == null ? "" : l.partner().slug().value(),
                        l.partner() == null ? "" : l.partner().name(),
                        MoneyDto.of(l.purchase().amount()),
                        l.purchase().categoryCode(),
                        l.categoryName(),
                        l.purchase().occurredAt().toString(),
                        l.purchase().pointsEarned()))
            .toList();
    return new PurchasePage(items, history.next() == null ? null : history.next().encode());
  }

  /**
   * A one-time code to confirm paying with points at a partner's counter, shown to the member only
   * (never stored in clear, so a retry cannot replay it: it issues a new code, which replaces the
   * previous one — hence no Idempotency-Key).
   */
  @POST
  @Path("/redemption-code")
  public Response requestRedemptionCode() {
    IssuedCode issued = confirmation.requestCode(caller.get());
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setPrivate(true);
    return Response.status(201)
        .entity(new RedemptionCodeDto(issued.code(), issued.expiresAt().toString()))
        .cacheControl(noStore)
        .build();
  }

  @GET
  @Path("/passport/qr")
  @Produces("image/svg+xml")
  public Response qr() {
    CacheControl cache = new CacheControl();
    cache.setPrivate(true);
    cache.setMaxAge(300);
    return Response.ok(images.svg(cabinet.passport(caller.get())), "image/svg+xml")
        .cacheControl(cache)
        .build();
  }

  /** The contract's {@code MemberCabinet}. */
  public record CabinetDto(
      UUID memberId,
      String club,
      String clubName,
      String passportCode,
      String firstName,
      long pointsBalance,
      long pointsPending,
      long pointsDebt,
      TierRef tier,
      ProgressDto progress,
      InnerCircleDto innerCircle,
      List<ConsentDocumentDto> pendingConsents) {}

  /** The contract's {@code InnerCircleStatus}: an invitation-only tier the member holds. */
  public record InnerCircleDto(TierRef tier, String until) {}

  /** The contract's {@code MemberPurchase}. */
  public record PurchaseDto(
      UUID purchaseId,
      String partner,
      String partnerName,
      MoneyDto amount,
      String category,
      String categoryName,
      String occurredAt,
      long pointsEarned) {}

  /** The contract's {@code RedemptionCode}. */
  public record RedemptionCodeDto(String code, String expiresAt) {}

  /** The contract's {@code MemberPurchasePage}. */
  public record PurchasePage(List<PurchaseDto> items, String nextCursor) {}
}
