package club.bloom.ledger.application;

import club.bloom.ledger.domain.Account;
import club.bloom.ledger.domain.Currency;
import club.bloom.ledger.domain.LastPurchases;
import club.bloom.ledger.domain.LedgerSettings;
import club.bloom.ledger.domain.MemberPoints;
import club.bloom.ledger.domain.Movement;
import club.bloom.ledger.domain.PointLedger;
import club.bloom.tenancy.domain.SchemaName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Expires points: lots past their date, and everything in a currency after the club's months
 * without a purchase. The members with something due are found by two set-based queries; they are
 * then expired a chunk at a time, each chunk one transaction under the locks of its members (taken
 * in id order), so a purchase of one of them simply waits. The decision stays in {@link
 * MemberPoints#expire}; every expiry is an entry whose postings balance. Running it twice expires
 * nothing twice (ADR 0008, ADR 0012).
 */
@ApplicationScoped
public class PointExpiry {
  @Inject PointLedger ledger;
  @Inject LedgerSettings settings;
  @Inject LastPurchases purchases;

  /**
   * One chunk's result: members with something expired, lots expired (each emptied by the expiry),
   * points that left their accounts.
   */
  public record Chunk(int members, long lots, long points) {}

  /** Members of the club that have something to expire at {@code now}, by id. */
  @Transactional
  public List<UUID> due(SchemaName club, Instant now) {
    Set<UUID> members = new TreeSet<>(ledger.membersWithExpiredLots(club, now));
    inactiveSince(club, now)
        .forEach(
            (currency, since) ->
                members.addAll(ledger.membersInactiveSince(club, currency, since)));
    return List.copyOf(members);
  }

  /** Expires what is due for the members, in one transaction under their locks. */
  @Transactional
  public Chunk expire(SchemaName club, List<UUID> memberIds, Instant now) {
    Map<String, Instant> inactiveSince = inactiveSince(club, now);
    Map<UUID, MemberPoints> points = ledger.lockAll(club, memberIds);
    Map<UUID, Instant> last =
        inactiveSince.isEmpty() ? Map.of() : purchases.lastPurchasesAt(club, memberIds);
    List<Movement> movements = new ArrayList<>();
    long expired = 0;
    long lots = 0;
    for (UUID member : memberIds) {
      Instant lastPurchase = last.getOrDefault(member, Instant.MIN);
      Set<String> inactive = new HashSet<>();
      inactiveSince.forEach(
          (currency, since) -> {
            if (lastPurchase.isBefore(since)) {
              inactive.add(currency);
            }
          });
      Movement movement = points.get(member).expire(now, inactive);
      if (!movement.postings().isEmpty()) {
        movements.add(movement);
        // One member posting per lot emptied (MemberPoints.expire takes each lot whole).
        lots += movement.postings().stream().filter(p -> p.account() == Account.MEMBER).count();
        expired +=
            movement.postings().stream()
                .filter(p -> p.account() == Account.MEMBER)
                .mapToLong(p -> -p.amount())
                .sum();
      }
    }
    ledger.recordAll(club, movements);
    return new Chunk(movements.size(), lots, expired);
  }

  /** For each currency with an inactivity term: the time before which the last purchase must be. */
  private Map<String, Instant> inactiveSince(SchemaName club, Instant now) {
    Map<String, Instant> since = new HashMap<>();
    for (Currency currency : settings.currencies(club)) {
      currency
          .inactivityMonths()
          .ifPresent(
              months ->
                  since.put(
                      currency.code(),
                      now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant()));
    }
    return since;
  }
}
