package club.bloom.ingestion.application;

import club.bloom.billing.application.Quotas;
import club.bloom.idempotency.application.IdempotentExecution;
import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.ingestion.domain.DuplicateReceipt;
import club.bloom.ingestion.domain.Purchase;
import club.bloom.ingestion.domain.PurchaseRepository;
import club.bloom.ingestion.domain.Receipt;
import club.bloom.ingestion.domain.ReceiptRepository;
import club.bloom.ledger.domain.Currency;
import club.bloom.ledger.domain.MemberPoints;
import club.bloom.ledger.domain.Movement;
import club.bloom.ledger.domain.PointLedger;
import club.bloom.ledger.domain.PointsPayment;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.membership.domain.PassportCode;
import club.bloom.membership.domain.PassportDirectory;
import club.bloom.membership.domain.UnknownPassport;
import club.bloom.onboarding.domain.Partnership;
import club.bloom.onboarding.domain.Partnerships;
import club.bloom.rules.domain.Grant;
import club.bloom.rules.domain.PurchaseFacts;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantRegistry;
import club.bloom.tiers.application.ProgressView;
import club.bloom.tiers.application.TierStanding;
import club.bloom.tiers.domain.TierLadder;
import club.bloom.tiers.domain.TierRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Records a purchase reported by a partner, once per idempotency key, in one transaction: the
 * receipt in the partner's schema, the purchase fact, the points posting and any tier change in the
 * club's schema, and the stored result in the platform schema. The club is decided by the passport
 * code; the partner must belong to that club and may report only the categories the club allowed
 * it.
 */
@ApplicationScoped
public class PurchaseRecording {
  @Inject TenantRegistry tenants;
  @Inject PassportDirectory passports;
  @Inject Partnerships partnerships;
  @Inject ClubSnapshots snapshots;
  @Inject MemberRepository members;
  @Inject PurchaseRepository purchases;
  @Inject ReceiptRepository receipts;
  @Inject PointLedger ledger;
  @Inject TierStanding standing;
  @Inject IdempotentExecution idempotency;
  @Inject club.bloom.rules.application.EarningRules earningRules;
  @Inject club.bloom.membership.domain.PersonalDataVault vault;
  @Inject Quotas quotas;
  @Inject Clock clock;
  // Webhooks (ADR 0042) observe it inside this transaction.
  @Inject jakarta.enterprise.event.Event<club.bloom.ingestion.domain.PurchaseAccepted> accepted;

  @Transactional
  public PurchaseRecorded record(TenantId partnerId, IdempotencyKey key, RecordPurchase command) {
    return idempotency.once(
        partnerId,
        key,
        "record-purchase",
        command,
        PurchaseRecorded.class,
        () -> doRecord(partnerId, command, PointsPayment.none(command.amount()), Optional.empty()));
  }

  /**
   * Records a purchase inside the caller's transaction (a chunk of a batch, ADR 0040): the same
   * rules and idempotency as {@link #record}. A rule's refusal ({@link
   * club.bloom.shared.domain.BloomException}) leaves the caller's transaction usable, so that the
   * caller can roll back to its savepoint and go on with the next line.
   */
  @Transactional(
      value = Transactional.TxType.MANDATORY,
      dontRollbackOn = club.bloom.shared.domain.BloomException.class)
  public PurchaseRecorded recordWithin(
      TenantId partnerId, IdempotencyKey key, RecordPurchase command) {
    return idempotency.once(
        partnerId,
        key,
        "record-purchase",
        command,
        PurchaseRecorded.class,
        () -> doRecord(partnerId, command, PointsPayment.none(command.amount()), Optional.empty()));
  }

  /**
   * Records a purchase paid partly with the member's points of one currency, inside the caller's
   * transaction and under the caller's idempotency claim (it makes none of its own): the points are
   * debited first, oldest-expiring first and only from lots spendable at this partner
   * (cross-credits are not spendable where they were granted), so the member spends what she had
   * and never what this purchase grants; then the purchase earns — base and rules — on the part
   * paid with money only. The purchase and the receipt keep the whole amount and the points
   * redeemed. The caller has checked the member's confirmation and the club's limit.
   *
   * @throws club.bloom.ledger.domain.CannotRedeem not enough active points, or the member owes
   *     points from a refund (422)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public PurchaseRecorded recordPaidWithPoints(
      TenantId partnerId, RecordPurchase command, PointsPayment payment, Currency paidWith) {
    if (!payment.paidWithPoints().plus(payment.paidWithMoney()).equals(command.amount())) {
      throw new IllegalArgumentException("the payment does not add up to the receipt");
    }
    return doRecord(partnerId, command, payment, Optional.of(paidWith));
  }

  private PurchaseRecorded doRecord(
      TenantId partnerId,
      RecordPurchase command,
      PointsPayment payment,
      Optional<Currency> paidWith) {
    Tenant partner = tenants.find(partnerId).orElseThrow();
    PassportCode passport =
        PassportCode.parse(command.passportCode())
            .orElseThrow(
                () ->
                    InvalidInput.of(
                        "passportCode",
                        "is not a passport code (12 characters, e.g. 7K3M-9QXA-2B4C)"));
    TenantId clubId = passports.clubOf(passport).orElseThrow(UnknownPassport::new);
    Partnership partnership =
        partnerships.find(clubId, partnerId).orElseThrow(UnknownPassport::new).requireActive();
    Tenant club = tenants.find(clubId).filter(Tenant::isActive).orElseThrow(UnknownPassport::new);
    ClubSnapshots.ClubSnapshot configuration = snapshots.of(club);
    if (!configuration.hasCategory(command.category())
        || !partnership.mayReport(command.category())) {
      throw InvalidInput.of(
          "category",
          "'"
              + command.category()
              + "' is not a category this partner may report in the club; allowed: "
              + String.join(", ", partnership.categories()));
    }
    if (receipts.exists(partner.schema(), command.receiptNumber())) {
      throw new DuplicateReceipt(command.receiptNumber());
    }
    Member member =
        members.lockByPassport(club.schema(), passport).orElseThrow(UnknownPassport::new);

    Instant now = clock.instant();
    // Spending needs her open lots; earning needs only her debt (ADR 0040). Her row is locked.
    boolean paysWithPoints = payment.points() > 0;
    MemberPoints points =
        paysWithPoints
            ? ledger.lock(club.schema(), member.id())
            : ledger.forAccrual(club.schema(), member.id());
    UUID purchaseId = UUID.randomUUID();
    String redeemedCurrency = paidWith.map(Currency::code).orElse(Currency.POINTS);
    if (paysWithPoints) {
      Currency currency = paidWith.orElseThrow();
      String at = partnerId.value().toString();
      ledger.record(
          club.schema(),
          points.redeem(
              currency.code(),
              payment.points(),
              lot -> currency.spendableAt(lot, at),
              purchaseId.toString(),
              now));
    }
    // Earning applies to the part of the receipt paid with money.
    Money earningAmount = payment.paidWithMoney();
    TierLadder ladder = configuration.ladder();
    Optional<TierRule> tierAtPurchase = member.tier().flatMap(ladder::find);
    long basePoints =
        tierAtPurchase
            .or(() -> ladder.rules().stream().filter(r -> !r.invitationOnly()).findFirst())
            .map(r -> r.pointsFor(earningAmount))
            .orElse(0L);

    Instant occurredAt = command.occurredAt();
    // Rules see the member as before this purchase.
    List<Grant> bonuses =
        earningRules.grantsFor(
            club.schema(),
            facts(club, partner, member, command, earningAmount, tierAtPurchase),
            basePoints);
    long pointsEarned =
        basePoints
            + bonuses.stream()
                .filter(b -> b.currency().equals(Currency.POINTS))
                .mapToLong(Grant::points)
                .sum();
    purchases.add(
        club.schema(),
        new Purchase(
            purchaseId,
            member.id(),
            partnerId.value(),
            command.receiptNumber(),
            command.amount(),
            command.category(),
            occurredAt,
            pointsEarned,
            payment.points(),
            redeemedCurrency,
            now));
    receipts.add(
        partner.schema(),
        new Receipt(
            purchaseId,
            command.receiptNumber(),
            club.id().value(),
            passport.value(),
            command.amount(),
            command.category(),
            occurredAt,
            pointsEarned,
            payment.points(),
            now));
    List<Movement> accruals = new java.util.ArrayList<>();
    accruals.add(
        points.accrue(
            grant(
                configuration,
                Currency.POINTS,
                basePoints,
                null,
                "purchase",
                purchaseId,
                partnerId,
                now),
            now));
    List<BonusView> bonusViews = new java.util.ArrayList<>();
    for (Grant bonus : bonuses) {
      Instant expires =
          bonus.expiresInDays() == null ? null : now.plus(Duration.ofDays(bonus.expiresInDays()));
      accruals.add(
          points.accrue(
              grant(
                  configuration,
                  bonus.currency(),
                  bonus.points(),
                  expires,
                  "rule:" + bonus.ruleCode(),
                  purchaseId,
                  partnerId,
                  now),
              now));
      bonusViews.add(new BonusView(bonus.ruleCode(), bonus.currency(), bonus.points(), expires));
    }
    ledger.append(club.schema(), accruals);

    TierStanding.Evaluated evaluated = standing.afterPurchase(club, ladder, member, now);
    Optional<TierRule> after = evaluated.tier();
    // Metered with the purchase, last: over either plan's monthly limit this refuses it (402) and
    // everything above rolls back; a replay never gets here, so it never counts twice.
    quotas.purchaseAccepted(partner, club);
    accepted.fire(
        new club.bloom.ingestion.domain.PurchaseAccepted(
            partnerId,
            club.id(),
            member.id(),
            passport.value(),
            purchaseId,
            command.receiptNumber(),
            command.amount(),
            command.category(),
            occurredAt,
            pointsEarned,
            payment.points(),
            redeemedCurrency,
            now));
    return new PurchaseRecorded(
        purchaseId,
        command.receiptNumber(),
        club.slug().value(),
        club.locale(),
        command.amount(),
        command.category(),
        pointsEarned,
        paysWithPoints
            ? points.active(Currency.POINTS, now)
            : ledger.active(club.schema(), member.id(), Currency.POINTS, now),
        after.map(TierRule::code).orElse(null),
        after.map(TierRule::name).orElse(null),
        ProgressView.of(evaluated.progress(), club.locale()),
        bonusViews);
  }

  private MemberPoints.Grant grant(
      ClubSnapshots.ClubSnapshot configuration,
      String currencyCode,
      long amount,
      Instant expires,
      String reason,
      UUID purchaseId,
      TenantId partnerId,
      Instant now) {
    Currency currency =
        configuration
            .currency(currencyCode)
            .orElseThrow(() -> new IllegalStateException("no currency " + currencyCode));
    return new MemberPoints.Grant(
        currencyCode,
        amount,
        now.plus(currency.activationDelay()),
        expires,
        reason,
        purchaseId.toString(),
        purchaseId.toString(),
        partnerId.value().toString());
  }

  /** The facts the club's earning rules see: the purchase and the member before it. */
  private PurchaseFacts facts(
      Tenant club,
      Tenant partner,
      Member member,
      RecordPurchase command,
      Money earningAmount,
      Optional<TierRule> tier) {
    ZoneId zone = ZoneId.of(club.timeZone());
    LocalDateTime local = LocalDateTime.ofInstant(command.occurredAt(), zone);
    LocalDate today = local.toLocalDate();
    Instant monthStart = today.withDayOfMonth(1).atStartOfDay(zone).toInstant();
    Instant nextMonth = today.withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
    LocalDate birthday =
        vault.open(club.schema(), member.id(), member.sealedPersonalData()).birthday();
    return new PurchaseFacts(
        new PurchaseFacts.Purchase(
            earningAmount, command.category(), partner.slug().value(), local),
        new PurchaseFacts.Member(
            tier.map(TierRule::code).orElse(""),
            birthday == null ? -1 : PurchaseFacts.daysToBirthday(birthday, today),
            purchases.countOfMember(club.schema(), member.id()),
            purchases.categoriesBetween(club.schema(), member.id(), monthStart, nextMonth),
            List.of()));
  }

  /** A bonus a rule granted on top of the base accrual. */
  public record BonusView(String rule, String currency, long points, Instant expiresAt) {}

  /** Command: a purchase as the partner reports it. */
  public record RecordPurchase(
      String passportCode,
      Money amount,
      String category,
      Instant occurredAt,
      String receiptNumber) {}

  /** The outcome, stored for idempotent replays. */
  public record PurchaseRecorded(
      UUID purchaseId,
      String receiptNumber,
      String club,
      String locale,
      Money amount,
      String category,
      long pointsEarned,
      long pointsBalance,
      String tierCode,
      String tierName,
      ProgressView progress,
      List<BonusView> bonuses) {}
}
