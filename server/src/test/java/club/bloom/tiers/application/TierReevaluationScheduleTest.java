package club.bloom.tiers.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tiers.application.InMemoryClubTiers.Row;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The nightly re-evaluation a chunk at a time: boundaries, concurrent changes, a crash. */
class TierReevaluationScheduleTest {
  private static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");
  private static final Tenant CLUB =
      Tenant.register(TenantKind.CLUB, new Slug("club-a"), "A", "ru", "Europe/Moscow", NOW);

  private static TierReevaluationSchedule schedule(InMemoryClubTiers data, int chunkSize) {
    TierConfiguration configuration = new TierConfiguration();
    configuration.tiers = data;
    TierReevaluation reevaluation = new TierReevaluation();
    reevaluation.standings = data;
    reevaluation.states = data;
    reevaluation.configuration = configuration;
    reevaluation.transaction = new InMemoryClubTiers.NoTransaction();
    reevaluation.standingsTimeoutSeconds = 60;
    TierReevaluationSchedule schedule = new TierReevaluationSchedule();
    schedule.reevaluation = reevaluation;
    schedule.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    schedule.chunkSize = chunkSize;
    return schedule;
  }

  /** Members in all the situations a night meets, in id order; returns their ids. */
  private static List<UUID> aMixedClub(InMemoryClubTiers data) {
    UUID staying = data.add(Row.holding("insider"), "1000", 1, "60");
    UUID upgraded = data.add(Row.holding("insider"), "40000", 3, "20");
    UUID topSpender = data.add(Row.holding("vip"), "60000", 3, "0.5");
    UUID below = data.add(Row.holding("vip"), "5000", 1, "40");
    UUID graceOver =
        data.add(
            new Row(
                0,
                Optional.of("vip"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(NOW.minus(Duration.ofDays(31)))),
            "5000",
            1,
            "40");
    UUID manual =
        data.add(
            new Row(
                0,
                Optional.of("vip"),
                Optional.of("vip"),
                Optional.of(NOW.plus(Duration.ofDays(10))),
                Optional.empty()),
            "0",
            0,
            "100");
    UUID inner = data.add(Row.holding("inner-circle"), "0", 0, "100");
    return List.of(staying, upgraded, topSpender, below, graceOver, manual, inner);
  }

  @Test
  void anEmptyClubIsReadOnceAndNothingIsWritten() {
    InMemoryClubTiers data = new InMemoryClubTiers();

    TierEvaluationRun run = schedule(data, 3).runClub(CLUB);

    assertEquals(Map.of(), run.outcomes());
    assertEquals(1, run.chunks());
    assertEquals(List.of(Optional.empty()), data.pagesAfter);
    assertEquals(0, data.writes);
  }

  @Test
  void everyMemberIsEvaluatedOnceWhenTheClubIsAnExactMultipleOfTheChunkSize() {
    InMemoryClubTiers data = new InMemoryClubTiers();
    List<UUID> ids = aMixedClub(data).subList(0, 6);
    data.members.remove(data.members.lastKey());

    TierEvaluationRun run = schedule(data, 3).runClub(CLUB);

    assertEquals(6, run.members());
    assertEquals(6, run.outcomes().values().stream().mapToInt(Integer::intValue).sum());
    assertEquals(3, run.chunks(), "two full chunks, then an empty page ends the run");
    assertEquals(
        List.of(Optional.empty(), Optional.of(ids.get(2)), Optional.of(ids.get(5))),
        data.pagesAfter);
  }

  @Test
  void eachOutcomeIsDecidedByTheDomainAndOnlyChangesAreWritten() {
    InMemoryClubTiers data = new InMemoryClubTiers();
    List<UUID> ids = aMixedClub(data);

    TierEvaluationRun run = schedule(data, 3).runClub(CLUB);

    assertEquals(
        Map.of("re-evaluation", 2, "downgrade", 1, "grace", 1, "unchanged", 3), run.outcomes());
    assertEquals(4, run.written());
    assertEquals(Optional.of("vip"), data.members.get(ids.get(1)).tier());
    assertEquals(Optional.of("elite"), data.members.get(ids.get(2)).tier(), "the top 1 %");
    assertEquals(Optional.of(NOW), data.members.get(ids.get(3)).belowSince());
    assertEquals(Optional.of("insider"), data.members.get(ids.get(4)).tier());
    for (UUID untouched : List.of(ids.get(0), ids.get(5), ids.get(6))) {
      assertEquals(0, data.members.get(untouched).version(), "an unchanged row is not written");
    }
    assertEquals(3, data.history.size(), "a history row per change of tier");
  }

  @Test
  void aMemberChangedByAPurchaseWhileTheChunkIsDecidedIsSkippedAndKeepsThePurchasesTier() {
    InMemoryClubTiers data = new InMemoryClubTiers();
    UUID upgraded = aMixedClub(data).get(1);
    data.beforeWrite =
        write -> {
          if (write == 1) {
            data.members.put(upgraded, data.members.get(upgraded).changedByAPurchase("elite"));
          }
        };

    TierEvaluationRun run = schedule(data, 3).runClub(CLUB);

    assertEquals(1, run.outcomes().get("skipped"));
    assertEquals(Optional.of("elite"), data.members.get(upgraded).tier());
    assertTrue(data.history.stream().noneMatch(h -> h.memberId().equals(upgraded)));
  }

  @Test
  void aMemberChangedBeforeTheirChunkIsReadIsEvaluatedWithTheChange() {
    InMemoryClubTiers data = new InMemoryClubTiers();
    UUID staying = data.add(Row.holding("insider"), "1000", 1, "60");
    data.add(Row.holding("insider"), "1000", 1, "60");
    UUID later = data.add(Row.holding("insider"), "1000", 1, "60");
    data.afterPage =
        page -> {
          if (page == 1) {
            // a purchase lifts the member of the next chunk to VIP after the standings were taken
            data.members.put(later, data.members.get(later).changedByAPurchase("vip"));
          }
        };

    TierEvaluationRun run = schedule(data, 2).runClub(CLUB);

    assertEquals(Optional.of("vip"), data.members.get(later).tier());
    assertEquals(Optional.of(NOW), data.members.get(later).belowSince(), "below VIP: grace");
    assertEquals(Map.of("grace", 1, "unchanged", 2), run.outcomes());
    assertEquals(0, data.members.get(staying).version());
  }

  @Test
  void aRunStoppedMidwayAndRunAgainEndsExactlyLikeARunNeverStopped() {
    InMemoryClubTiers data = new InMemoryClubTiers();
    aMixedClub(data);
    InMemoryClubTiers reference = data.copy();
    schedule(reference, 2).runClub(CLUB);

    data.failWrite = 2;
    assertThrows(IllegalStateException.class, () -> schedule(data, 2).runClub(CLUB));
    data.failWrite = -1;
    TierEvaluationRun rerun = schedule(data, 2).runClub(CLUB);

    assertEquals(reference.members, data.members);
    assertEquals(reference.historyText(), data.historyText(), "no change recorded twice");
    assertTrue(rerun.written() < reference.members.size());
  }

  @Test
  void runningTheSameNightAgainChangesNothing() {
    InMemoryClubTiers data = new InMemoryClubTiers();
    aMixedClub(data);
    schedule(data, 3).runClub(CLUB);
    var before = new java.util.TreeMap<>(data.members);
    int history = data.history.size();

    TierEvaluationRun again = schedule(data, 3).runClub(CLUB);

    assertEquals(0, again.written());
    assertEquals(before, data.members);
    assertEquals(history, data.history.size());
  }

  @Test
  void aMemberEnrolledAfterTheStandingsWereComputedIsLeftForTheNextRun() {
    InMemoryClubTiers data = new InMemoryClubTiers();
    UUID newcomer = data.add(Row.holding("insider"), "0", 0, "100");
    data.standings.remove(newcomer);

    TierEvaluationRun run = schedule(data, 3).runClub(CLUB);

    assertEquals(Map.of("skipped", 1), run.outcomes());
    assertEquals(Row.holding("insider"), data.members.get(newcomer));
  }
}
