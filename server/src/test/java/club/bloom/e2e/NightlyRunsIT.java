package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.purchase;
import static club.bloom.e2e.Nights.EXPIRY;
import static club.bloom.e2e.Nights.TIERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.NightlyRun;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.nightly.application.NightlyJob;
import club.bloom.nightly.application.NightlyRunner;
import club.bloom.nightly.application.NightlyRunner.Attempt;
import club.bloom.nightly.application.NightlySettings;
import club.bloom.nightly.domain.Backoff;
import club.bloom.nightly.domain.NightlySchedule;
import club.bloom.nightly.infrastructure.SqlNightlyRunLog;
import club.bloom.tenancy.domain.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The nightly runs on the real stack: a club's night comes (the fixture moves it to a few seconds
 * from now, see {@link Nights}) and both runs start at its local time, once, recorded with what
 * they did; a second replica racing Liberty for the same night leaves exactly one run; a run that
 * fails is recorded with its reason and retried after the back-off the same night. The test stack
 * looks every 2 s at the latest and retries after 3 s (DevStack's test settings).
 */
class NightlyRunsIT {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @Test
  void atTheClubsLocalNightBothRunsRunOnceAndTheirRecordsCountWhatTheyDid() throws Exception {
    ClubFixture club = Fixtures.club();
    var shop = club.partner("florist");
    MemberFixture member = club.member();
    shop.api().purchases().postPurchase(key(), purchase(member.passport(), "2000.00", "florist"));
    assertEquals(100L, member.api().member().getMyCabinet().getPointsBalance());
    Nights.sql(
        "UPDATE " + club.schema() + ".point_lot SET expires_at = now() - interval '1 minute'");

    Instant slot = Nights.moveNightTo(club, Duration.ofSeconds(8));
    LocalDate night = Nights.schedule(Nights.tenant(club)).nextSlot(slot.minusSeconds(1)).night();
    assertTrue(Nights.runs(club, EXPIRY).isEmpty(), "nothing runs before the club's night");

    NightlyRun expiry =
        Nights.awaitRun(club, EXPIRY, r -> r.getOutcome() != NightlyRun.OutcomeEnum.RUNNING, WAIT);
    NightlyRun tiers =
        Nights.awaitRun(club, TIERS, r -> r.getOutcome() != NightlyRun.OutcomeEnum.RUNNING, WAIT);

    for (NightlyRun run : List.of(expiry, tiers)) {
      assertEquals(NightlyRun.OutcomeEnum.SUCCEEDED, run.getOutcome(), run.toString());
      assertEquals(NightlyRun.TriggerEnum.SCHEDULE, run.getTrigger(), run.toString());
      assertEquals(1, run.getAttempt());
      assertEquals(night, run.getNight());
      assertEquals(slot, run.getScheduledFor().toInstant());
      assertFalse(run.getStartedAt().toInstant().isBefore(slot), "not before the slot");
      assertNotNull(run.getFinishedAt());
      assertFalse(run.getReplica().isBlank());
    }
    // What the expiry did, as its record counts it, and as the member's account shows it.
    assertEquals(
        Map.of(
            "membersDue", 1L,
            "membersExpired", 1L,
            "lotsExpired", 1L,
            "pointsExpired", 100L,
            "chunks", 1L),
        expiry.getCounts());
    assertEquals(0L, member.api().member().getMyCabinet().getPointsBalance());
    Fixtures.assertLedgerReconciles(club);
    assertEquals(1L, tiers.getCounts().get("standings"), tiers.toString());
    assertEquals(1L, tiers.getCounts().get("membersRead"), tiers.toString());
    assertEquals(1L, tiers.getCounts().get("outcome.unchanged"), tiers.toString());

    // Later looks (every 2 s) find the night done.
    Thread.sleep(6000);
    assertEquals(1, Nights.runs(club, EXPIRY).size());
    assertEquals(1, Nights.runs(club, TIERS).size());
    // The operator's run now is recorded too, as the operator's.
    assertEquals(0L, Fixtures.operator().platform().runPointExpiry(club.slug()).getPointsExpired());
    List<NightlyRun> after = Nights.runs(club, EXPIRY);
    assertEquals(2, after.size());
    assertEquals(NightlyRun.TriggerEnum.OPERATOR, after.get(0).getTrigger());
    assertEquals(0L, after.get(0).getCounts().get("pointsExpired"));
  }

  @Test
  void aSecondReplicaRacingLibertyForTheSameNightLeavesExactlyOneRun() throws Exception {
    ClubFixture club = Fixtures.club();
    Instant slot = Nights.moveNightTo(club, Duration.ofSeconds(8));
    Tenant tenant = Nights.tenant(club);
    NightlySchedule nights = Nights.schedule(tenant);
    SqlNightlyRunLog records = new SqlNightlyRunLog(Nights.dataSource());
    AtomicInteger ranHere = new AtomicInteger();
    // The other replica's tier run: it holds the club's lock for 3 s, so that Liberty, starting at
    // the same slot, meets it.
    NightlyJob<Long> slowRun =
        new NightlyJob<>() {
          @Override
          public String kind() {
            return TIERS;
          }

          @Override
          public Long run(Tenant club) {
            ranHere.incrementAndGet();
            try {
              Thread.sleep(3000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return 0L;
          }

          @Override
          public Map<String, Long> counts(Long result) {
            return Map.of("membersRead", result);
          }
        };
    int threads = 4;
    ExecutorService replica = Executors.newFixedThreadPool(threads);
    List<Future<Attempt>> attempts = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        NightlyRunner runner =
            new NightlyRunner(
                records,
                new NightlySettings(
                    Nights.LOCAL_TIME,
                    Duration.ofSeconds(2),
                    new Backoff(Duration.ofSeconds(3), Duration.ofSeconds(6), 5),
                    "it-replica/" + i),
                Clock.systemUTC());
        attempts.add(
            replica.submit(
                () -> {
                  while (Instant.now().isBefore(slot)) {
                    Thread.onSpinWait();
                  }
                  return runner.runIfDue(slowRun, tenant, nights, slot.minusSeconds(1));
                }));
      }
      List<Attempt> outcomes = new ArrayList<>();
      for (Future<Attempt> f : attempts) {
        outcomes.add(f.get());
      }

      NightlyRun run =
          Nights.awaitRun(
              club, TIERS, r -> r.getOutcome() == NightlyRun.OutcomeEnum.SUCCEEDED, WAIT);
      // Liberty keeps looking every 2 s: give it several looks at the night.
      Thread.sleep(8000);
      List<NightlyRun> runs = Nights.runs(club, TIERS);
      assertEquals(1, runs.size(), "exactly one run of the night: " + runs + " here: " + outcomes);
      boolean wonHere = run.getReplica().startsWith("it-replica/");
      assertEquals(wonHere ? 1 : 0, ranHere.get(), outcomes.toString());
      assertEquals(wonHere ? 1 : 0, outcomes.stream().filter(o -> o == Attempt.SUCCEEDED).count());
      assertEquals(nights.nextSlot(slot.minusSeconds(1)).night(), run.getNight());
      // The expiry, which only Liberty runs, ran once as well.
      Nights.awaitRun(club, EXPIRY, r -> r.getOutcome() == NightlyRun.OutcomeEnum.SUCCEEDED, WAIT);
      assertEquals(1, Nights.runs(club, EXPIRY).size());
    } finally {
      replica.shutdownNow();
    }
  }

  @Test
  void aFailedNightIsRecordedWithItsReasonAndRetriedAfterTheBackoff() throws Exception {
    ClubFixture club = Fixtures.club();
    // The standings' table is missing, as in a schema an upgrade left behind.
    Nights.sql("ALTER TABLE " + club.schema() + ".member_standing RENAME TO member_standing_away");
    Nights.moveNightTo(club, Duration.ofSeconds(6));

    NightlyRun failed =
        Nights.awaitRun(club, TIERS, r -> r.getOutcome() == NightlyRun.OutcomeEnum.FAILED, WAIT);
    assertEquals(NightlyRun.ReasonEnum.SCHEMA_MISMATCH, failed.getReason(), failed.toString());
    assertTrue(failed.getError().contains("SQLException"), failed.getError());
    assertEquals(1, failed.getAttempt());
    Nights.sql("ALTER TABLE " + club.schema() + ".member_standing_away RENAME TO member_standing");

    NightlyRun retried =
        Nights.awaitRun(club, TIERS, r -> r.getOutcome() == NightlyRun.OutcomeEnum.SUCCEEDED, WAIT);
    assertEquals(NightlyRun.TriggerEnum.RETRY, retried.getTrigger());
    assertTrue(retried.getAttempt() >= 2, retried.toString());
    assertEquals(failed.getNight(), retried.getNight());
    assertFalse(
        retried
            .getStartedAt()
            .toInstant()
            .isBefore(failed.getFinishedAt().toInstant().plusSeconds(3)),
        "not before the back-off");
    assertEquals(1, Nights.runs(club, EXPIRY).size(), "the expiry succeeded on its own");
  }

  @Test
  void theListIsForOperatorsOnly() throws Exception {
    ClubFixture club = Fixtures.club();
    ApiException refused =
        Fixtures.failing(
            () -> club.admin().platform().listNightlyRuns(club.slug(), null, null, null, null));
    assertEquals(403, refused.getCode());
    ApiException unknown =
        Fixtures.failing(
            () ->
                Fixtures.operator()
                    .platform()
                    .listNightlyRuns("no-such-club-here", null, null, null, null));
    assertEquals(404, unknown.getCode());
  }
}
