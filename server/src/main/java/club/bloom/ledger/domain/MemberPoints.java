package club.bloom.ledger.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A member's points in all currencies: the open lots and the debt. Loaded under the member's lock,
 * so one movement at a time; every operation returns the {@link Movement} to write.
 *
 * <p>Invariants: a lot never has less than nothing left; the member-account postings of a member
 * sum to the lots' remaining points; each entry balances; debt only grows when a refund takes back
 * points the member has spent, and is repaid first from later accruals.
 */
public final class MemberPoints {
  private final UUID memberId;
  private final List<PointLot> lots;
  private final Map<String, Long> debt;

  public MemberPoints(UUID memberId, List<PointLot> openLots, Map<String, Long> debt) {
    this.memberId = Objects.requireNonNull(memberId);
    this.lots = new ArrayList<>(openLots);
    this.debt = new HashMap<>(debt);
  }

  /** Grants points; any debt in the currency is repaid from them first. */
  public Movement accrue(Grant grant, Instant now) {
    if (grant.points() < 0) {
      throw new IllegalArgumentException("an accrual is never negative");
    }
    LedgerEntry entry =
        new LedgerEntry(memberId, EntryKind.ACCRUAL, grant.reason(), grant.sourceId(), now);
    List<LedgerPosting> postings = new ArrayList<>();
    List<PointLot> created = new ArrayList<>();
    String currency = grant.currency();
    postings.add(posting(entry, Account.ISSUANCE, currency, -grant.points(), null));
    long repaid = Math.min(grant.points(), debt(currency));
    if (repaid > 0) {
      debt.merge(currency, -repaid, Long::sum);
      postings.add(posting(entry, Account.DEBT, currency, repaid, null));
    }
    long kept = grant.points() - repaid;
    if (kept > 0) {
      PointLot lot =
          new PointLot(
              memberId,
              currency,
              kept,
              grant.availableAt(),
              grant.expiresAt(),
              entry.id(),
              grant.purchaseId(),
              grant.partnerId(),
              now);
      lots.add(lot);
      created.add(lot);
      postings.add(posting(entry, Account.MEMBER, currency, kept, lot.id()));
    }
    return new Movement(entry, postings, created);
  }

  /**
   * Takes back points a purchase earned (a refund): from that purchase's lots first, then from the
   * member's other points, oldest-expiring first; what the member has already spent becomes debt or
   * is written off, as the club's policy says.
   */
  public Movement reverse(
      String currency,
      String purchaseId,
      long points,
      SpentPointsPolicy policy,
      String sourceId,
      Instant now) {
    if (points < 0) {
      throw new IllegalArgumentException("a reversal is never negative");
    }
    LedgerEntry entry = new LedgerEntry(memberId, EntryKind.REVERSAL, "refund", sourceId, now);
    List<LedgerPosting> postings = new ArrayList<>();
    postings.add(posting(entry, Account.ISSUANCE, currency, points, null));
    long left = points;
    List<PointLot> order = new ArrayList<>();
    lots.stream()
        .filter(l -> l.currency().equals(currency) && l.purchaseId().orElse("").equals(purchaseId))
        .forEach(order::add);
    spendingOrder(currency, now, l -> !order.contains(l)).forEach(order::add);
    for (PointLot lot : order) {
      if (left == 0) {
        break;
      }
      long taken = lot.take(left);
      if (taken > 0) {
        postings.add(posting(entry, Account.MEMBER, currency, -taken, lot.id()));
        left -= taken;
      }
    }
    if (left > 0) {
      Account shortfall = policy == SpentPointsPolicy.DEBT ? Account.DEBT : Account.WRITE_OFF;
      postings.add(posting(entry, shortfall, currency, -left, null));
      if (policy == SpentPointsPolicy.DEBT) {
        debt.merge(currency, left, Long::sum);
      }
    }
    lots.removeIf(l -> l.remaining() == 0);
    return new Movement(entry, postings, List.of());
  }

  /**
   * Spends points, oldest-expiring first (points that never expire last), from active lots the
   * predicate allows (e.g. cross-credits not at the partner that granted them).
   */
  public Movement redeem(
      String currency, long points, Predicate<PointLot> usable, String sourceId, Instant now) {
    if (points <= 0) {
      throw new IllegalArgumentException("a redemption is positive");
    }
    if (debt(currency) > 0) {
      throw new CannotRedeem(
          "the member owes " + debt(currency) + " " + currency + " from a refund");
    }
    List<PointLot> order = spendingOrder(currency, now, usable);
    long available = order.stream().mapToLong(PointLot::remaining).sum();
    if (available < points) {
      throw new CannotRedeem("only " + available + " " + currency + " can be spent here");
    }
    LedgerEntry entry =
        new LedgerEntry(memberId, EntryKind.REDEMPTION, "redemption", sourceId, now);
    List<LedgerPosting> postings = new ArrayList<>();
    postings.add(posting(entry, Account.REDEMPTION, currency, points, null));
    long left = points;
    for (PointLot lot : order) {
      if (left == 0) {
        break;
      }
      long taken = lot.take(left);
      postings.add(posting(entry, Account.MEMBER, currency, -taken, lot.id()));
      left -= taken;
    }
    lots.removeIf(l -> l.remaining() == 0);
    return new Movement(entry, postings, List.of());
  }

  /**
   * Expires what is left of lots whose date has passed, and — when {@code inactive} names
   * currencies whose inactivity term the member has exceeded — everything in those currencies.
   */
  public Movement expire(Instant now, java.util.Set<String> inactive) {
    LedgerEntry entry = new LedgerEntry(memberId, EntryKind.EXPIRY, "expiry", null, now);
    List<LedgerPosting> postings = new ArrayList<>();
    for (PointLot lot : lots) {
      if (lot.remaining() > 0 && (lot.isExpiredAt(now) || inactive.contains(lot.currency()))) {
        long gone = lot.take(lot.remaining());
        postings.add(posting(entry, Account.MEMBER, lot.currency(), -gone, lot.id()));
        postings.add(posting(entry, Account.EXPIRY, lot.currency(), gone, null));
      }
    }
    lots.removeIf(l -> l.remaining() == 0);
    return new Movement(entry, postings, List.of());
  }

  private List<PointLot> spendingOrder(String currency, Instant now, Predicate<PointLot> usable) {
    return lots.stream()
        .filter(l -> l.currency().equals(currency) && l.remaining() > 0 && l.isActiveAt(now))
        .filter(usable)
        .sorted(
            Comparator.comparing(
                    (PointLot l) -> l.expiresAt().orElse(Instant.MAX), Comparator.naturalOrder())
                .thenComparing(PointLot::availableAt)
                .thenComparing(PointLot::createdAt))
        .toList();
  }

  public long active(String currency, Instant now) {
    return lots.stream()
        .filter(l -> l.currency().equals(currency) && l.isActiveAt(now))
        .mapToLong(PointLot::remaining)
        .sum();
  }

  public long pending(String currency, Instant now) {
    return lots.stream()
        .filter(l -> l.currency().equals(currency) && l.isPendingAt(now))
        .mapToLong(PointLot::remaining)
        .sum();
  }

  /**
   * The soonest date on which active points of the currency expire, and how many expire then; empty
   * when none of them has a date.
   */
  public Optional<Expiring> nextExpiry(String currency, Instant now) {
    return lots.stream()
        .filter(
            l ->
                l.currency().equals(currency)
                    && l.isActiveAt(now)
                    && l.remaining() > 0
                    && l.expiresAt().isPresent())
        .map(l -> l.expiresAt().get())
        .min(Comparator.naturalOrder())
        .map(
            at ->
                new Expiring(
                    lots.stream()
                        .filter(
                            l ->
                                l.currency().equals(currency)
                                    && l.isActiveAt(now)
                                    && l.expiresAt().map(at::equals).orElse(false))
                        .mapToLong(PointLot::remaining)
                        .sum(),
                    at));
  }

  /** Points that expire together. */
  public record Expiring(long points, Instant at) {}

  public long debt(String currency) {
    return debt.getOrDefault(currency, 0L);
  }

  public UUID memberId() {
    return memberId;
  }

  private LedgerPosting posting(
      LedgerEntry entry, Account account, String currency, long amount, UUID lot) {
    return new LedgerPosting(entry.id(), account, memberId, currency, amount, lot);
  }

  /** Points to grant: how many, in what currency, from when, until when, and why. */
  public record Grant(
      String currency,
      long points,
      Instant availableAt,
      Instant expiresAt,
      String reason,
      String sourceId,
      String purchaseId,
      String partnerId) {}
}
