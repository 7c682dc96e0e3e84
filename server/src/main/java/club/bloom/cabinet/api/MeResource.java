package club.bloom.cabinet.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.domain.Roles;
import club.bloom.cabinet.application.MemberCabinet;
import club.bloom.cabinet.application.MemberCabinet.Cabinet;
import club.bloom.cabinet.application.MemberCabinet.PurchaseHistory;
import club.bloom.membership.api.ConsentDtos.ConsentDocumentDto;
import club.bloom.membership.application.RedemptionConfirmation;
import club.bloom.membership.application.RedemptionConfirmation.IssuedCode;
import club.bloom.membership.domain.PassportImage;
import club.bloom.shared.api.Dto.MoneyDto;
import club.bloom.shared.api.Dto.TierRef;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.shared.domain.PageCursor;
import club.bloom.tiers.api.ProgressDto;
import club.bloom.tiers.application.ProgressView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
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
        c.balances().stream()
            .map(
                b ->
                    new BalanceDto(
                        b.currency(),
                        b.name(),
                        b.onlyAtOtherPartners(),
                        b.active(),
                        b.pending(),
                        b.debt(),
                        b.nextExpiry()
                            .map(e -> new ExpiringDto(e.points(), e.at().toString()))
                            .orElse(null)))
            .toList(),
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
  public Response requestRedemptionCode(@QueryParam("delivery") String deliveryParam) {
    RedemptionConfirmation.Delivery delivery = RedemptionConfirmation.Delivery.SCREEN;
    if (deliveryParam != null) {
      try {
        delivery = RedemptionConfirmation.Delivery.valueOf(deliveryParam.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw InvalidInput.of("delivery", "must be screen or email");
      }
    }
    IssuedCode issued = confirmation.requestCode(caller.get(), delivery);
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setPrivate(true);
    return Response.status(201)
        .entity(
            new RedemptionCodeDto(
                issued.code(),
                issued.expiresAt().toString(),
                issued.delivery().name().toLowerCase(Locale.ROOT),
                issued.sentTo()))
        .cacheControl(noStore)
        .build();
  }

  /**
   * Turns on the passport's TOTP with a new key (a previous key stops working) and answers the key
   * once more for an authenticator app; {@code Cache-Control: no-store}.
   */
  @POST
  @Path("/passport/totp")
  public Response enrolTotp() {
    return Response.status(201)
        .entity(TotpKeyDto.of(confirmation.enrolTotp(caller.get())))
        .cacheControl(noStore())
        .build();
  }

  /** The passport's TOTP key, for the cabinet to show the current code; 404 when it is off. */
  @GET
  @Path("/passport/totp")
  public Response totp() {
    return Response.ok(
            TotpKeyDto.of(
                confirmation
                    .totp(caller.get())
                    .orElseThrow(
                        () ->
                            new NotFound(
                                "totp-off",
                                "TOTP is off",
                                "The passport has no TOTP; turn it on with POST"))))
        .cacheControl(noStore())
        .build();
  }

  /** Turns the passport's TOTP off (nothing to do when it is off). */
  @DELETE
  @Path("/passport/totp")
  @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
  public Response disableTotp() {
    confirmation.disableTotp(caller.get());
    return Response.noContent().build();
  }

  private static CacheControl noStore() {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setPrivate(true);
    return noStore;
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
      List<BalanceDto> balances,
      TierRef tier,
      ProgressDto progress,
      InnerCircleDto innerCircle,
      List<ConsentDocumentDto> pendingConsents) {}

  /** The contract's {@code InnerCircleStatus}: an invitation-only tier the member holds. */
  public record InnerCircleDto(TierRef tier, String until) {}

  /** The contract's {@code CurrencyBalance}. */
  public record BalanceDto(
      String currency,
      String name,
      boolean onlyAtOtherPartners,
      long active,
      long pending,
      long debt,
      ExpiringDto nextExpiry) {}

  /** The contract's {@code ExpiringPoints}. */
  public record ExpiringDto(long points, String at) {}

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

  /** The contract's {@code PassportTotp}. */
  public record TotpKeyDto(String otpauthUri, String secret, int digits, int periodSeconds) {
    static TotpKeyDto of(RedemptionConfirmation.TotpKey key) {
      return new TotpKeyDto(key.uri(), key.secret(), key.digits(), key.periodSeconds());
    }
  }

  /** The contract's {@code RedemptionCode}. */
  public record RedemptionCodeDto(String code, String expiresAt, String delivery, String sentTo) {}

  /** The contract's {@code MemberPurchasePage}. */
  public record PurchasePage(List<PurchaseDto> items, String nextCursor) {}
}
