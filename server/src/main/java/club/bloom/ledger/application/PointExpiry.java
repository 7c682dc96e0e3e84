package club.bloom.ledger.application;

import club.bloom.ingestion.domain.PurchaseRepository;
import club.bloom.ledger.domain.Account;
import club.bloom.ledger.domain.Currency;
import club.bloom.ledger.domain.LedgerSettings;
import club.bloom.ledger.domain.MemberPoints;
import club.bloom.ledger.domain.PointLedger;
import club.bloom.tenancy.domain.SchemaName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Expires points: lots past their date, and everything in a currency after the club's months
 * without a purchase. One short transaction per member, under the member's lock, so a purchase of
 * the same member simply waits; running it twice expires nothing twice.
 */
@ApplicationScoped
public class PointExpiry {
  @Inject PointLedger ledger;
  @Inject LedgerSettings settings;
  @Inject PurchaseRepository purchases;

  /** Members of the club that have something to expire at {@code now}. */
  @Transactional
  public List<UUID> due(SchemaName club, Instant now) {
    Set<UUID> members = new HashSet<>(ledger.membersWithExpiredLots(club, now));
    for (Currency currency : settings.currencies(club)) {
      currency
          .inactivityMonths()
          .ifPresent(
              months ->
                  members.addAll(
                      ledger.membersInactiveSince(
                          club,
                          currency.code(),
                          now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant())));
    }
    return List.copyOf(members);
  }

  /** Expires what is due for one member; returns how many points left the member's account. */
  @Transactional
  public long expire(SchemaName club, UUID memberId, Instant now) {
    MemberPoints points = ledger.lock(club, memberId);
    Set<String> inactive = new HashSet<>();
    for (Currency currency : settings.currencies(club)) {
      currency
          .inactivityMonths()
          .ifPresent(
              months -> {
                Instant since = now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
                Instant last = purchases.lastPurchaseAt(club, memberId).orElse(Instant.MIN);
                if (last.isBefore(since)) {
                  inactive.add(currency.code());
                }
              });
    }
    var movement = points.expire(now, inactive);
    ledger.record(club, movement);
    return movement.postings().stream()
        .filter(p -> p.account() == Account.MEMBER)
        .mapToLong(p -> -p.amount())
        .sum();
  }
}
