package club.bloom.ingestion.application;

import club.bloom.idempotency.application.IdempotentExecution;
import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.ingestion.application.PurchaseRecording.PurchaseRecorded;
import club.bloom.ingestion.application.PurchaseRecording.RecordPurchase;
import club.bloom.ingestion.domain.RedemptionNotEnabled;
import club.bloom.ledger.domain.CannotRedeem;
import club.bloom.ledger.domain.Currency;
import club.bloom.ledger.domain.LedgerSettings;
import club.bloom.ledger.domain.PointsPayment;
import club.bloom.membership.application.RedemptionConfirmation;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.membership.domain.PassportCode;
import club.bloom.membership.domain.PassportDirectory;
import club.bloom.membership.domain.UnknownPassport;
import club.bloom.onboarding.domain.Partnership;
import club.bloom.onboarding.domain.Partnerships;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;

/**
 * Records a purchase paid partly with the member's points, confirmed by the member's one-time code,
 * once per idempotency key and in one transaction with the purchase: the redemption comes at the
 * counter with the whole receipt, so the debit, the purchase (earning on the money part only) and
 * the stored result commit together or not at all.
 *
 * <p>Checks, in order, each a problem and nothing debited: the passport and the partnership (404),
 * the partner's opt-in for the club (403 {@code redemption-not-enabled}), the club's limit on the
 * share of a receipt payable with points (400 on {@code pointsToRedeem}, naming the maximum), the
 * member's code (422; a wrong one spends one of five attempts, and that sticks), then, with the
 * member locked, the points themselves (422 {@code cannot-redeem}: not enough active points, or a
 * debt from a refund). The code is consumed only if the whole redemption commits.
 */
@ApplicationScoped
public class RedemptionRecording {
  @Inject TenantRegistry tenants;
  @Inject PassportDirectory passports;
  @Inject Partnerships partnerships;
  @Inject MemberRepository members;
  @Inject LedgerSettings settings;
  @Inject RedemptionConfirmation confirmation;
  @Inject PurchaseRecording purchases;
  @Inject IdempotentExecution idempotency;
  // Webhooks (ADR 0042) observe it inside this transaction.
  @Inject jakarta.enterprise.event.Event<club.bloom.ingestion.domain.RedemptionAccepted> accepted;

  @Transactional
  public RedemptionRecorded redeem(
      TenantId partnerId, IdempotencyKey key, RecordRedemption command) {
    return idempotency.once(
        partnerId,
        key,
        "record-redemption",
        command,
        RedemptionRecorded.class,
        () -> doRedeem(partnerId, command));
  }

  private RedemptionRecorded doRedeem(TenantId partnerId, RecordRedemption command) {
    RecordPurchase receipt = command.receipt();
    PassportCode passport =
        PassportCode.parse(receipt.passportCode())
            .orElseThrow(
                () ->
                    InvalidInput.of(
                        "passportCode",
                        "is not a passport code (12 characters, e.g. 7K3M-9QXA-2B4C)"));
    TenantId clubId = passports.clubOf(passport).orElseThrow(UnknownPassport::new);
    Partnership partnership =
        partnerships.find(clubId, partnerId).orElseThrow(UnknownPassport::new).requireActive();
    Tenant club = tenants.find(clubId).filter(Tenant::isActive).orElseThrow(UnknownPassport::new);
    if (!partnership.redemptionEnabled()) {
      throw new RedemptionNotEnabled();
    }
    Member member =
        members.findByPassport(club.schema(), passport).orElseThrow(UnknownPassport::new);
    // Registered at a counter and not confirmed yet: the points are kept, not spendable (409).
    member.requireConfirmed();

    Currency currency = currency(club, command.currency());
    PointsPayment payment = payment(club, currency, receipt.amount(), command.pointsToRedeem());
    // Before the member is locked: a wrong code commits its spent attempt on its own.
    confirmation.confirm(club.schema(), member.id(), command.confirmationCode());
    PurchaseRecorded purchase =
        purchases.recordPaidWithPoints(partnerId, receipt, payment, currency);
    accepted.fire(
        new club.bloom.ingestion.domain.RedemptionAccepted(
            partnerId,
            club.id(),
            member.id(),
            passport.value(),
            purchase.purchaseId(),
            receipt.receiptNumber(),
            currency.code(),
            payment.points(),
            payment.paidWithPoints(),
            payment.paidWithMoney(),
            java.time.Instant.now()));
    return new RedemptionRecorded(
        purchase,
        currency.code(),
        payment.points(),
        payment.paidWithPoints(),
        payment.paidWithMoney());
  }

  /** The club's currency the member pays with; {@code points} unless the request names another. */
  private Currency currency(Tenant club, String code) {
    String wanted = code == null ? Currency.POINTS : code;
    return settings
        .currency(club.schema(), wanted)
        .orElseThrow(
            () ->
                InvalidInput.of(
                    "currency",
                    "'"
                        + wanted
                        + "' is not a currency of the club; its currencies: "
                        + String.join(
                            ", ",
                            settings.currencies(club.schema()).stream()
                                .map(Currency::code)
                                .toList())));
  }

  /** The split of the receipt, within the club's limit. */
  private PointsPayment payment(Tenant club, Currency currency, Money amount, long pointsToRedeem) {
    BigDecimal rubleValue = currency.rubleValue();
    if (rubleValue.signum() <= 0) {
      throw new CannotRedeem(
          "the club's " + currency.code() + " have no ruble value, so they cannot pay");
    }
    BigDecimal maxPercent = settings.maxRedeemPercent(club.schema());
    long max = PointsPayment.maxPoints(amount, rubleValue, maxPercent);
    if (pointsToRedeem > max) {
      throw InvalidInput.of(
          "pointsToRedeem",
          "must be at most "
              + max
              + ": points may pay up to "
              + maxPercent.stripTrailingZeros().toPlainString()
              + " % of the receipt");
    }
    return PointsPayment.of(amount, pointsToRedeem, rubleValue);
  }

  /**
   * Command: the whole receipt, how many points of which currency (null: {@code points}) pay part
   * of it, and the member's code.
   */
  public record RecordRedemption(
      RecordPurchase receipt, String currency, long pointsToRedeem, String confirmationCode) {}

  /** The outcome, stored for idempotent replays. */
  public record RedemptionRecorded(
      PurchaseRecorded purchase,
      String currency,
      long pointsRedeemed,
      Money amountPaidWithPoints,
      Money amountPaidWithMoney) {}
}
