package club.bloom.ledger.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import club.bloom.ledger.domain.Account;
import club.bloom.ledger.domain.Currency;
import club.bloom.ledger.domain.LastPurchases;
import club.bloom.ledger.domain.LedgerPosting;
import club.bloom.ledger.domain.LedgerSettings;
import club.bloom.ledger.domain.MemberPoints;
import club.bloom.ledger.domain.Movement;
import club.bloom.ledger.domain.PointLedger;
import club.bloom.ledger.domain.PointLot;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Point expiry a chunk of members at a time: boundaries, a purchase between finding the members and
 * expiring them, a crash; the journal always reconciles with the lots.
 */
class PointExpiryScheduleTest {
  private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
  private static final Tenant CLUB =
      Tenant.register(TenantKind.CLUB, new Slug("club-a"), "A", "ru", "Europe/Moscow", NOW);

  /** The club's lots, journal and last purchases in memory. */
  private static final class Ledger implements PointLedger {
    final Map<UUID, List<PointLot>> lots = new TreeMap<>();
    final List<Movement> journal = new ArrayList<>();
    final Map<UUID, Instant> lastPurchase = new HashMap<>();
    int locks;
    int failLock = -1;

    UUID member(long n, Instant lastBought, Object... grants) {
      UUID id = new UUID(0, n);
      lots.put(id, new ArrayList<>());
      if (lastBought != null) {
        lastPurchase.put(id, lastBought);
      }
      MemberPoints points = new MemberPoints(id, List.of(), Map.of());
      for (int i = 0; i < grants.length; i += 3) {
        Movement m =
            points.accrue(
                new MemberPoints.Grant(
                    (String) grants[i],
                    (Long) grants[i + 1],
                    NOW.minus(Duration.ofDays(400)),
                    (Instant) grants[i + 2],
                    "purchase",
                    "p" + n + "-" + i,
                    "p" + n + "-" + i,
                    "partner"),
                NOW.minus(Duration.ofDays(400)));
        lots.get(id).addAll(m.newLots());
        journal.add(m);
      }
      return id;
    }

    long memberPostings() {
      return journal.stream()
          .flatMap(m -> m.postings().stream())
          .filter(p -> p.account() == Account.MEMBER)
          .mapToLong(LedgerPosting::amount)
          .sum();
    }

    long remaining() {
      return lots.values().stream().flatMap(List::stream).mapToLong(PointLot::remaining).sum();
    }

    long expired() {
      return journal.stream()
          .flatMap(m -> m.postings().stream())
          .filter(p -> p.account() == Account.EXPIRY)
          .mapToLong(LedgerPosting::amount)
          .sum();
    }

    @Override
    public Map<UUID, MemberPoints> lockAll(SchemaName club, List<UUID> memberIds) {
      locks++;
      if (locks == failLock) {
        throw new IllegalStateException("the database went away");
      }
      Map<UUID, MemberPoints> points = new HashMap<>();
      for (UUID id : memberIds) {
        List<PointLot> open = lots.get(id).stream().filter(l -> l.remaining() > 0).toList();
        points.put(id, new MemberPoints(id, open, Map.of()));
      }
      return points;
    }

    @Override
    public void recordAll(SchemaName club, List<Movement> movements) {
      movements.stream().filter(m -> !m.postings().isEmpty()).forEach(journal::add);
    }

    @Override
    public List<UUID> membersWithExpiredLots(SchemaName club, Instant now) {
      return lots.entrySet().stream()
          .filter(e -> e.getValue().stream().anyMatch(l -> l.remaining() > 0 && l.isExpiredAt(now)))
          .map(Map.Entry::getKey)
          .toList();
    }

    @Override
    public List<UUID> membersInactiveSince(SchemaName club, String currency, Instant since) {
      return lots.entrySet().stream()
          .filter(
              e ->
                  e.getValue().stream()
                      .anyMatch(l -> l.currency().equals(currency) && l.remaining() > 0))
          .filter(e -> lastPurchase.getOrDefault(e.getKey(), Instant.MIN).isBefore(since))
          .map(Map.Entry::getKey)
          .toList();
    }

    @Override
    public Map<String, Long> grantedFor(SchemaName club, String purchaseId) {
      throw new UnsupportedOperationException("not used by expiry");
    }

    @Override
    public long reversedBy(SchemaName club, String currency, java.util.Collection<String> ids) {
      throw new UnsupportedOperationException("not used by expiry");
    }

    @Override
    public MemberPoints lock(SchemaName club, UUID memberId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public MemberPoints read(SchemaName club, UUID memberId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public MemberPoints forAccrual(SchemaName club, UUID memberId) {
      throw new UnsupportedOperationException("expiry never accrues");
    }

    @Override
    public void append(SchemaName club, List<Movement> movements) {
      throw new UnsupportedOperationException("expiry never accrues");
    }

    @Override
    public long active(SchemaName club, UUID memberId, String currency, Instant now) {
      throw new UnsupportedOperationException("expiry never reads a balance");
    }

    @Override
    public void record(SchemaName club, Movement movement) {
      throw new UnsupportedOperationException();
    }
  }

  private static PointExpirySchedule schedule(Ledger ledger, int chunkSize) {
    PointExpiry expiry = new PointExpiry();
    expiry.ledger = ledger;
    expiry.settings =
        only(
            LedgerSettings.class,
            "currencies",
            List.of(
                new Currency("points", "Баллы", BigDecimal.ONE, 0, 12, false),
                new Currency("cross-credits", "Кросс-кредиты", BigDecimal.ONE, 0, null, true)));
    expiry.purchases =
        (LastPurchases)
            Proxy.newProxyInstance(
                LastPurchases.class.getClassLoader(),
                new Class<?>[] {LastPurchases.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("lastPurchasesAt")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  Map<UUID, Instant> last = new HashMap<>();
                  for (Object id : (Collection<?>) args[1]) {
                    Instant at = ledger.lastPurchase.get((UUID) id);
                    if (at != null) {
                      last.put((UUID) id, at);
                    }
                  }
                  return last;
                });
    PointExpirySchedule schedule = new PointExpirySchedule();
    schedule.expiry = expiry;
    schedule.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    schedule.chunkSize = chunkSize;
    return schedule;
  }

  private static <T> T only(Class<T> type, String name, Object answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (!method.getName().equals(name)) {
                throw new UnsupportedOperationException(method.getName());
              }
              return answer;
            }));
  }

  private static final Instant YESTERDAY = NOW.minus(Duration.ofDays(1));
  private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));
  private static final Instant RECENTLY = NOW.minus(Duration.ofDays(20));
  private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(400));

  /** Five members: three with something due (ids 1, 2, 4), two without. */
  private static Ledger aClub() {
    Ledger ledger = new Ledger();
    ledger.member(1, LONG_AGO, "points", 100L, null);
    ledger.member(2, RECENTLY, "cross-credits", 50L, YESTERDAY, "points", 200L, null);
    ledger.member(3, RECENTLY, "points", 300L, null);
    ledger.member(4, null, "points", 70L, null);
    ledger.member(5, RECENTLY, "cross-credits", 20L, TOMORROW);
    return ledger;
  }

  @Test
  void anEmptyClubHasNothingDueAndNoChunk() {
    Ledger ledger = new Ledger();

    ExpiryRun run = schedule(ledger, 2).runClub(CLUB);

    assertEquals(0, run.due());
    assertEquals(0, run.chunks());
    assertEquals(0, ledger.locks);
  }

  @Test
  void theDueMembersAreExpiredInChunksEachOnce() {
    Ledger ledger = aClub();

    ExpiryRun run = schedule(ledger, 2).runClub(CLUB);

    assertEquals(3, run.due());
    assertEquals(2, run.chunks(), "members 1 and 2, then member 4");
    assertEquals(220, run.points(), "100 inactive + 50 past their date + 70 never bought");
    assertEquals(220, ledger.expired());
    assertEquals(ledger.remaining(), ledger.memberPostings(), "the journal reconciles");
  }

  @Test
  void aClubOfAnExactMultipleOfTheChunkSizeNeedsNoExtraChunk() {
    Ledger ledger = aClub();
    ledger.member(6, null, "points", 30L, null);

    ExpiryRun run = schedule(ledger, 2).runClub(CLUB);

    assertEquals(4, run.due());
    assertEquals(2, run.chunks());
    assertEquals(250, run.points());
  }

  @Test
  void aMemberWhoBuysAfterBeingFoundDueKeepsTheirPoints() {
    Ledger ledger = aClub();
    // Member 4 is due (never bought); she buys before her chunk is reached.
    PointExpirySchedule schedule = schedule(ledger, 2);
    List<UUID> due = schedule.expiry.due(CLUB.schema(), NOW);
    ledger.lastPurchase.put(new UUID(0, 4), NOW.minus(Duration.ofMinutes(5)));
    long points = 0;
    for (int from = 0; from < due.size(); from += 2) {
      points +=
          schedule
              .expiry
              .expire(CLUB.schema(), due.subList(from, Math.min(due.size(), from + 2)), NOW)
              .points();
    }

    assertEquals(150, points);
    assertEquals(70, ledger.remaining() - 200 - 300 - 20);
  }

  @Test
  void aRunStoppedMidwayAndRunAgainExpiresEverythingOnceAndReconciles() {
    Ledger reference = aClub();
    schedule(reference, 2).runClub(CLUB);
    Ledger ledger = aClub();
    ledger.failLock = 2;

    assertThrows(IllegalStateException.class, () -> schedule(ledger, 2).runClub(CLUB));
    ExpiryRun rerun = schedule(ledger, 2).runClub(CLUB);

    assertEquals(1, rerun.due(), "only member 4 is left");
    assertEquals(reference.expired(), ledger.expired());
    assertEquals(reference.remaining(), ledger.remaining());
    assertEquals(ledger.remaining(), ledger.memberPostings());
  }

  @Test
  void runningItAgainExpiresNothing() {
    Ledger ledger = aClub();
    schedule(ledger, 2).runClub(CLUB);
    int entries = ledger.journal.size();

    ExpiryRun again = schedule(ledger, 2).runClub(CLUB);

    assertEquals(0, again.due());
    assertEquals(0, again.points());
    assertEquals(entries, ledger.journal.size());
  }
}
