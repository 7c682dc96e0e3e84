package club.bloom.ingestion.application;

import club.bloom.idempotency.application.IdempotentExecution;
import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.ingestion.domain.Purchase;
import club.bloom.ingestion.domain.PurchaseRefund;
import club.bloom.ingestion.domain.PurchaseRepository;
import club.bloom.ingestion.domain.Receipt;
import club.bloom.ingestion.domain.ReceiptRefund;
import club.bloom.ingestion.domain.ReceiptRepository;
import club.bloom.ledger.domain.Currency;
import club.bloom.ledger.domain.MemberPoints;
import club.bloom.ledger.domain.Movement;
import club.bloom.ledger.domain.PointLedger;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.shared.domain.Conflict;
import club.bloom.shared.domain.Money;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantRegistry;
import club.bloom.tiers.application.ProgressView;
import club.bloom.tiers.application.TierStanding;
import club.bloom.tiers.domain.TierRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Records a full or partial refund of a receipt, once per idempotency key, in one transaction: the
 * refund on the partner's side, on the club's side the refunded share of the purchase, the reversal
 * of its points in proportion (cumulatively, so partial refunds never round to more than the whole)
 * and the tier re-evaluated on what is left of the window's spend. Points already spent are handled
 * by the club's {@link club.bloom.ledger.domain.SpentPointsPolicy}.
 */
@ApplicationScoped
public class RefundRecording {
  @Inject TenantRegistry tenants;
  @Inject ReceiptRepository receipts;
  @Inject PurchaseRepository purchases;
  @Inject MemberRepository members;
  @Inject PointLedger ledger;
  @Inject club.bloom.ledger.domain.LedgerSettings settings;
  @Inject TierStanding standing;
  @Inject IdempotentExecution idempotency;
  @Inject Clock clock;

  // Webhooks (ADR 0042) observe it inside this transaction.
  @Inject jakarta.enterprise.event.Event<club.bloom.ingestion.domain.RefundAccepted> accepted;

  @Transactional
  public RefundRecorded refund(TenantId partnerId, IdempotencyKey key, RecordRefund command) {
    return idempotency.once(
        partnerId,
        key,
        "record-refund",
        command,
        RefundRecorded.class,
        () -> doRefund(partnerId, command));
  }

  /**
   * Records a refund inside the caller's transaction (a chunk of a batch, ADR 0040): the same rules
   * and idempotency as {@link #refund}; a rule's refusal leaves the caller's transaction usable.
   */
  @Transactional(
      value = Transactional.TxType.MANDATORY,
      dontRollbackOn = club.bloom.shared.domain.BloomException.class)
  public RefundRecorded refundWithin(TenantId partnerId, IdempotencyKey key, RecordRefund command) {
    return idempotency.once(
        partnerId,
        key,
        "record-refund",
        command,
        RefundRecorded.class,
        () -> doRefund(partnerId, command));
  }

  private RefundRecorded doRefund(TenantId partnerId, RecordRefund command) {
    Tenant partner = tenants.find(partnerId).orElseThrow();
    // The receipt's row lock comes first and serialises the refunds of this receipt: everything
    // read below (what is left to refund, the points already reversed) is what the previous
    // refunds committed. The schemas' checks refuse an over-refund even if this were forgotten.
    Receipt receipt =
        receipts
            .lockByNumber(partner.schema(), command.receiptNumber())
            .orElseThrow(
                () ->
                    new NotFound(
                        "unknown-receipt",
                        "Unknown receipt",
                        "This partner reported no receipt " + command.receiptNumber()));
    if (receipts.refundExists(partner.schema(), command.refundNumber())) {
      throw new Conflict(
          "duplicate-refund",
          "Refund already reported",
          "Refund "
              + command.refundNumber()
              + " was already reported by this partner with another Idempotency-Key");
    }
    Tenant club = tenants.find(new TenantId(receipt.clubId())).orElseThrow();
    Purchase purchase = purchases.find(club.schema(), receipt.id()).orElseThrow();
    Instant now = clock.instant();
    MemberPoints points = ledger.lock(club.schema(), purchase.memberId());
    if (!purchases
        .memberOf(club.schema(), purchase.id())
        .equals(Optional.of(purchase.memberId()))) {
      // A merge moved the purchase to another member between the read and the lock.
      throw new Conflict(
          "concurrent-conflict",
          "Conflicting concurrent request",
          "The member of this receipt changed while the refund was recorded; nothing was saved."
              + " Repeat the request.");
    }

    Money refundedSoFar = purchase.refund(command.amount());
    long target = share(purchase.pointsEarned(), refundedSoFar, purchase.amount());
    long toReverse = Math.max(0, target - purchases.pointsReversed(club.schema(), purchase.id()));
    UUID refundId = UUID.randomUUID();
    List<String> earlierRefunds =
        purchases.refundIds(club.schema(), purchase.id()).stream().map(UUID::toString).toList();
    // Points that paid part of the receipt come back in the same proportion, spendable at once.
    long returnTarget = share(purchase.pointsRedeemed(), refundedSoFar, purchase.amount());
    long toReturn =
        Math.max(0, returnTarget - purchases.pointsReturned(club.schema(), purchase.id()));
    if (toReturn > 0) {
      ledger.record(
          club.schema(),
          points.accrue(
              new MemberPoints.Grant(
                  purchase.redeemedCurrency(),
                  toReturn,
                  now,
                  null,
                  "refund-return",
                  refundId.toString(),
                  null,
                  partnerId.value().toString()),
              now));
    }
    Movement reversal =
        points.reverse(
            Currency.POINTS,
            purchase.id().toString(),
            toReverse,
            settings.spentPointsPolicy(club.schema()),
            refundId.toString(),
            now);
    ledger.record(club.schema(), reversal);
    // Rule bonuses in other currencies (cross-credits) go back in the same proportion.
    Map<String, Long> otherReversals = new TreeMap<>();
    ledger
        .grantedFor(club.schema(), purchase.id().toString())
        .forEach(
            (currency, granted) -> {
              if (currency.equals(Currency.POINTS)) {
                return;
              }
              long due =
                  share(granted, refundedSoFar, purchase.amount())
                      - ledger.reversedBy(club.schema(), currency, earlierRefunds);
              if (due > 0) {
                ledger.record(
                    club.schema(),
                    points.reverse(
                        currency,
                        purchase.id().toString(),
                        due,
                        settings.spentPointsPolicy(club.schema()),
                        refundId.toString(),
                        now));
                otherReversals.put(currency, due);
              }
            });
    purchases.addRefund(
        club.schema(),
        new PurchaseRefund(
            refundId,
            purchase.id(),
            command.amount(),
            toReverse,
            toReturn,
            command.occurredAt(),
            now));
    receipts.addRefund(
        partner.schema(),
        new ReceiptRefund(
            refundId,
            receipt.id(),
            command.refundNumber(),
            command.amount(),
            toReverse,
            command.occurredAt(),
            now));

    Member member = members.find(club.schema(), purchase.memberId()).orElseThrow();
    // The refunded purchase may have been what qualified the member: re-evaluated now.
    TierStanding.Evaluated evaluated =
        standing.afterRefund(club, standing.ladder(club), member, now);
    Optional<TierRule> after = evaluated.tier();
    accepted.fire(
        new club.bloom.ingestion.domain.RefundAccepted(
            partnerId,
            club.id(),
            member.id(),
            receipt.passportCode(),
            refundId,
            purchase.id(),
            command.receiptNumber(),
            command.refundNumber(),
            command.amount(),
            refundedSoFar,
            command.occurredAt(),
            toReverse,
            toReturn,
            now));
    return new RefundRecorded(
        refundId,
        command.receiptNumber(),
        command.refundNumber(),
        command.amount(),
        refundedSoFar,
        toReverse,
        toReturn,
        purchase.redeemedCurrency(),
        otherReversals,
        points.active(Currency.POINTS, now),
        points.debt(Currency.POINTS),
        after.map(TierRule::code).orElse(null),
        after.map(TierRule::name).orElse(null),
        ProgressView.of(evaluated.progress(), club.locale()));
  }

  /**
   * The points due for the refunded share, counted over all refunds so far and rounded down, so
   * that partial refunds add up to exactly the whole.
   */
  static long share(long points, Money refundedSoFar, Money whole) {
    return BigDecimal.valueOf(points)
        .multiply(refundedSoFar.amount())
        .divide(whole.amount(), 0, RoundingMode.DOWN)
        .longValueExact();
  }

  /** Command: a refund against one of the partner's receipts. */
  public record RecordRefund(
      String receiptNumber, String refundNumber, Money amount, Instant occurredAt) {}

  /** The outcome, stored for idempotent replays. */
  public record RefundRecorded(
      UUID refundId,
      String receiptNumber,
      String refundNumber,
      Money amount,
      Money refundedTotal,
      long pointsReversed,
      long pointsReturned,
      String returnedCurrency,
      Map<String, Long> reversedInOtherCurrencies,
      long pointsBalance,
      long pointsDebt,
      String tierCode,
      String tierName,
      ProgressView progress) {}
}
