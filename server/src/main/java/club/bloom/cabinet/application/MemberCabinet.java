package club.bloom.cabinet.application;

import club.bloom.access.domain.Caller;
import club.bloom.catalogue.domain.Category;
import club.bloom.catalogue.domain.CategoryRepository;
import club.bloom.ingestion.domain.Purchase;
import club.bloom.ingestion.domain.PurchaseRepository;
import club.bloom.ledger.domain.Currency;
import club.bloom.ledger.domain.MemberPoints;
import club.bloom.ledger.domain.PointLedger;
import club.bloom.membership.application.MemberConsents;
import club.bloom.membership.application.SignedInMember;
import club.bloom.membership.domain.ConsentDocument;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.PassportCode;
import club.bloom.membership.domain.PersonalDataVault;
import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantRegistry;
import club.bloom.tiers.application.TierStanding;
import club.bloom.tiers.domain.TierProgress;
import club.bloom.tiers.domain.TierRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the signed-in member sees: passport, points, tier progress, purchases across partners. */
@ApplicationScoped
@Transactional
public class MemberCabinet {
  @Inject TenantRegistry tenants;
  @Inject SignedInMember signedInMember;
  @Inject PersonalDataVault vault;
  @Inject PointLedger ledger;
  @Inject java.time.Clock clock;
  @Inject PurchaseRepository purchases;
  @Inject CategoryRepository categories;
  @Inject TierStanding standing;
  @Inject MemberConsents consents;
  @Inject club.bloom.ledger.domain.LedgerSettings currencies;

  public Cabinet cabinet(Caller caller) {
    SignedInMember.Membership signedIn = signedInMember.of(caller);
    Tenant club = signedIn.club();
    Member member = signedIn.member();
    MemberPoints points = ledger.read(club.schema(), member.id());
    java.time.Instant now = clock.instant();
    TierProgress progress = standing.progress(club, member.id(), member.tier());
    Optional<InnerCircle> innerCircle =
        progress
            .current()
            .filter(TierRule::invitationOnly)
            .map(
                t ->
                    new InnerCircle(
                        t,
                        member.manualTier(now).filter(t.code()::equals).isPresent()
                            ? member.manualUntil()
                            : Optional.empty()));
    return new Cabinet(
        member.id(),
        club,
        member.passport(),
        vault.open(club.schema(), member.id(), member.sealedPersonalData()).firstName(),
        points.active(Currency.POINTS, now),
        points.pending(Currency.POINTS, now),
        points.debt(Currency.POINTS),
        currencies.currencies(club.schema()).stream()
            .map(
                c ->
                    new Balance(
                        c.code(),
                        c.name(),
                        c.onlyAtOtherPartners(),
                        points.active(c.code(), now),
                        points.pending(c.code(), now),
                        points.debt(c.code()),
                        points.nextExpiry(c.code(), now)))
            .toList(),
        progress,
        innerCircle,
        consents.historyOf(club.schema(), member.id()).pending());
  }

  public PassportCode passport(Caller caller) {
    return signedInMember.of(caller).member().passport();
  }

  /** The history, once the member has accepted the club's current terms (403 otherwise). */
  public PurchaseHistory purchases(Caller caller, PageCursor after, int limit) {
    SignedInMember.Membership signedIn = signedInMember.of(caller);
    Tenant club = signedIn.club();
    Member member = signedIn.member();
    consents.requireAccepted(club.schema(), member.id());
    List<Purchase> page = purchases.ofMember(club.schema(), member.id(), after, limit + 1);
    boolean more = page.size() > limit;
    List<Purchase> items = more ? page.subList(0, limit) : page;
    Map<UUID, Tenant> partners =
        tenants.findAll(items.stream().map(p -> new TenantId(p.partnerId())).toList()).stream()
            .collect(Collectors.toMap(t -> t.id().value(), Function.identity()));
    Map<String, String> categoryNames =
        categories.all(club.schema()).stream()
            .collect(Collectors.toMap(Category::code, Category::name));
    List<HistoryLine> lines =
        items.stream()
            .map(
                p ->
                    new HistoryLine(
                        p,
                        partners.get(p.partnerId()),
                        categoryNames.getOrDefault(p.categoryCode(), p.categoryCode())))
            .toList();
    PageCursor next =
        more ? new PageCursor(items.get(limit - 1).occurredAt(), items.get(limit - 1).id()) : null;
    return new PurchaseHistory(lines, next);
  }

  /** The cabinet's facts. */
  public record Cabinet(
      UUID memberId,
      Tenant club,
      PassportCode passport,
      String firstName,
      long pointsBalance,
      long pointsPending,
      long pointsDebt,
      List<Balance> balances,
      TierProgress progress,
      Optional<InnerCircle> innerCircle,
      List<ConsentDocument> pendingConsents) {}

  /**
   * The member holds an invitation-only tier (Inner Circle): shown on the passport, with its end
   * date when it was granted until one.
   */
  public record InnerCircle(TierRule tier, Optional<java.time.Instant> until) {}

  /** The member's points in one of the club's currencies. */
  public record Balance(
      String currency,
      String name,
      boolean onlyAtOtherPartners,
      long active,
      long pending,
      long debt,
      java.util.Optional<MemberPoints.Expiring> nextExpiry) {}

  /** One line of history with the partner's and category's names. */
  public record HistoryLine(Purchase purchase, Tenant partner, String categoryName) {}

  /** A page of history; {@code next} is null on the last page. */
  public record PurchaseHistory(List<HistoryLine> lines, PageCursor next) {}
}
