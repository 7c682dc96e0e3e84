package club.bloom.nightly.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.nightly.application.NightlyJob;
import club.bloom.nightly.application.NightlyRunner;
import club.bloom.nightly.application.NightlyRunner.Attempt;
import club.bloom.nightly.application.NightlySettings;
import club.bloom.nightly.domain.Backoff;
import club.bloom.nightly.domain.NightlyRun;
import club.bloom.nightly.domain.NightlyRunLog.ClubLock;
import club.bloom.nightly.domain.NightlyRunLog.Filter;
import club.bloom.nightly.domain.NightlyRunLog.Page;
import club.bloom.nightly.domain.NightlySchedule;
import club.bloom.nightly.domain.RunHistory;
import club.bloom.nightly.domain.RunInProgress;
import club.bloom.nightly.domain.RunOutcome;
import club.bloom.nightly.domain.RunTrigger;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.infrastructure.LiquibaseSchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run records and the runs' lock on a real PostgreSQL (embedded, migrated by the platform
 * changelog), driven by the real {@link NightlyRunner}: runners racing for one club's night record
 * exactly one run, the lock dies with its connection, a run left running by a dead runner is
 * recorded as interrupted and retried, the records refuse a second scheduled run of a night, and
 * the operator's list pages newest first.
 */
class SqlNightlyRunLogTest {
  private static final String KIND = "tier-reevaluation";
  private static final Backoff BACKOFF =
      new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(60), 5);
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final NightlySchedule NIGHTS = new NightlySchedule(MOSCOW, LocalTime.of(3, 30));

  /** Just after the night of 2026-12-08 began in Moscow (00:30 UTC). */
  private static final Instant NOW = Instant.parse("2026-12-08T00:30:02Z");

  private static EmbeddedPostgres postgres;
  private static DataSource db;
  private static SqlNightlyRunLog log;

  private final MutableClock clock = new MutableClock(NOW);
  private Tenant club;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    db = postgres.getPostgresDatabase();
    LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator();
    Field field = LiquibaseSchemaMigrator.class.getDeclaredField("dataSource");
    field.setAccessible(true);
    field.set(migrator, db);
    migrator.migratePlatform();
    log = new SqlNightlyRunLog(db);
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void aClub() throws SQLException {
    execute("DELETE FROM platform.nightly_run");
    club = clubCreatedAt(NOW.minus(Duration.ofDays(30)));
  }

  private static Tenant clubCreatedAt(Instant created) throws SQLException {
    String slug = "club-" + Long.toString(System.nanoTime(), 36);
    Tenant t =
        Tenant.register(TenantKind.CLUB, new Slug(slug), slug, "ru", "Europe/Moscow", created);
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO platform.tenant (id, kind, slug, name, schema_name, time_zone, status,"
                    + " provisioning_step, created_at, updated_at)"
                    + " VALUES (?, 'CLUB', ?, ?, ?, 'Europe/Moscow', 'ACTIVE', 'DONE', ?, ?)")) {
      ps.setObject(1, t.id().value());
      ps.setString(2, slug);
      ps.setString(3, slug);
      ps.setString(4, t.schema().value());
      ps.setTimestamp(5, Timestamp.from(created));
      ps.setTimestamp(6, Timestamp.from(created));
      ps.executeUpdate();
    }
    return t;
  }

  private NightlyRunner runner(String replica) {
    return new NightlyRunner(
        log,
        new NightlySettings(LocalTime.of(3, 30), Duration.ofSeconds(2), BACKOFF, replica),
        clock);
  }

  /** A job that counts its runs and takes {@code millis} (so racers overlap it). */
  private static final class SlowJob implements NightlyJob<Long> {
    final AtomicInteger runs = new AtomicInteger();
    final long millis;
    volatile RuntimeException failure;

    SlowJob(long millis) {
      this.millis = millis;
    }

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public Long run(Tenant club) {
      int n = runs.incrementAndGet();
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (failure != null) {
        throw failure;
      }
      return (long) n;
    }

    @Override
    public Map<String, Long> counts(Long result) {
      return Map.of("membersRead", 3L, "membersWritten", result);
    }
  }

  @Test
  void runnersRacingForOneClubsNightRecordExactlyOneRun() throws Exception {
    SlowJob job = new SlowJob(1000);
    int racers = 8;
    CyclicBarrier start = new CyclicBarrier(racers);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    Map<Attempt, Integer> attempts = new EnumMap<>(Attempt.class);
    try {
      List<Future<Attempt>> results = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        NightlyRunner runner = runner("replica-" + i);
        Callable<Attempt> race =
            () -> {
              start.await();
              return runner.runIfDue(job, club, NIGHTS, NOW.minusSeconds(5));
            };
        results.add(pool.submit(race));
      }
      for (Future<Attempt> f : results) {
        attempts.merge(f.get(), 1, Integer::sum);
      }
    } finally {
      pool.shutdownNow();
    }

    assertEquals(1, job.runs.get(), "the job ran once");
    assertEquals(1, attempts.get(Attempt.SUCCEEDED), attempts.toString());
    // The others found the lock taken, or (on a slow machine, arriving after the winner) the night
    // done; at least one really raced.
    assertEquals(
        racers - 1,
        attempts.getOrDefault(Attempt.LOCKED, 0) + attempts.getOrDefault(Attempt.NOT_DUE, 0),
        attempts.toString());
    assertTrue(attempts.getOrDefault(Attempt.LOCKED, 0) >= 1, attempts.toString());
    List<NightlyRun> runs = records();
    assertEquals(1, runs.size());
    NightlyRun run = runs.get(0);
    assertEquals(RunOutcome.SUCCEEDED, run.outcome());
    assertEquals(RunTrigger.SCHEDULE, run.trigger());
    assertEquals(NIGHTS.lastSlot(NOW).at(), run.scheduledFor());
    assertEquals(Map.of("membersRead", 3L, "membersWritten", 1L), run.counts());

    // Runners that come after the winner finished decide again under the lock: the night is done.
    clock.set(NOW.plusSeconds(60));
    for (int i = 0; i < 3; i++) {
      assertEquals(Attempt.NOT_DUE, runner("late-" + i).runIfDue(job, club, NIGHTS, NOW));
    }
    assertEquals(1, job.runs.get());
    assertEquals(1, records().size());
  }

  @Test
  void aLockIsHeldByOneHolderUntilReleasedAndDiesWithItsConnection() throws Exception {
    ClubLock first = log.tryLock(KIND, club.id()).orElseThrow();
    assertTrue(log.tryLock(KIND, club.id()).isEmpty(), "held");
    assertTrue(
        log.tryLock("point-expiry", club.id()).map(l -> close(l)).orElse(false),
        "another kind of the same club is another lock");
    first.close();

    ClubLock second = log.tryLock(KIND, club.id()).orElseThrow();
    // The holder's connection ends (its replica died): PostgreSQL releases the lock.
    execute(
        "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
            + " AND pid <> pg_backend_pid()");
    ClubLock third = awaitLock();
    third.close();
    second.close(); // its unlock fails on the dead connection: discarded, no exception
  }

  private static boolean close(ClubLock lock) {
    lock.close();
    return true;
  }

  private ClubLock awaitLock() throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      Optional<ClubLock> lock = log.tryLock(KIND, club.id());
      if (lock.isPresent()) {
        return lock.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the lock of a dead connection was not released");
  }

  @Test
  void aRunLeftRunningByADeadRunnerIsRecordedAsInterruptedAndRetriedAtOnce() {
    try (ClubLock lock = log.tryLock(KIND, club.id()).orElseThrow()) {
      lock.start(
          NightlyRun.starting(
              KIND, club.id(), NIGHTS.lastSlot(NOW), RunTrigger.SCHEDULE, 1, "dead", NOW));
      // ... and the replica dies here: the lock goes with it, the record stays RUNNING.
    }
    clock.set(NOW.plusSeconds(30));
    SlowJob job = new SlowJob(0);

    assertEquals(Attempt.SUCCEEDED, runner("alive").runIfDue(job, club, NIGHTS, NOW));

    List<NightlyRun> runs = records();
    assertEquals(2, runs.size());
    NightlyRun retry = runs.get(0);
    NightlyRun dead = runs.get(1);
    assertEquals(RunOutcome.FAILED, dead.outcome());
    assertEquals("interrupted", dead.failure().orElseThrow().code());
    assertEquals(RunTrigger.RETRY, retry.trigger());
    assertEquals(2, retry.attempt());
    assertEquals(RunOutcome.SUCCEEDED, retry.outcome());
  }

  @Test
  void aFailedRunIsRecordedWithItsReasonAndRetriedAfterTheBackoff() {
    SlowJob job = new SlowJob(0);
    job.failure = new IllegalStateException("boom", new SQLException("no table", "42P01"));

    assertEquals(Attempt.FAILED, runner("r").runIfDue(job, club, NIGHTS, NOW.minusSeconds(5)));
    NightlyRun failed = records().get(0);
    assertEquals(RunOutcome.FAILED, failed.outcome());
    assertEquals("schema-mismatch", failed.failure().orElseThrow().code());
    assertEquals("java.sql.SQLException", failed.failure().orElseThrow().error());
    assertTrue(failed.finishedAt().isPresent());

    job.failure = null;
    clock.set(NOW.plus(Duration.ofMinutes(4)));
    assertEquals(Attempt.NOT_DUE, runner("r").runIfDue(job, club, NIGHTS, NOW), "backing off");
    clock.set(NOW.plus(Duration.ofMinutes(6)));
    assertEquals(Attempt.SUCCEEDED, runner("r").runIfDue(job, club, NIGHTS, NOW));
    NightlyRun retried = records().get(0);
    assertEquals(RunTrigger.RETRY, retried.trigger());
    assertEquals(2, retried.attempt());
  }

  @Test
  void anOperatorsRunIsRecordedCountsForTheNightAndIsRefusedWhileAnotherRuns() {
    SlowJob job = new SlowJob(0);
    clock.set(NOW.plus(Duration.ofHours(8)));

    assertEquals(1L, runner("ops").runNow(job, club));
    NightlyRun run = records().get(0);
    assertEquals(RunTrigger.OPERATOR, run.trigger());
    assertEquals(NIGHTS.lastSlot(NOW).night(), run.night());
    assertEquals(
        Attempt.NOT_DUE,
        runner("schedule").runIfDue(job, club, NIGHTS, NOW),
        "the night is done by the operator's run");

    ClubLock held = log.tryLock(KIND, club.id()).orElseThrow();
    try {
      assertThrows(RunInProgress.class, () -> runner("ops").runNow(job, club));
    } finally {
      held.close();
    }
    assertEquals(1, job.runs.get());
  }

  @Test
  void theRecordsRefuseASecondScheduledRunOfANightButNotAnOperatorsRun() {
    NightlySchedule.Slot slot = NIGHTS.lastSlot(NOW);
    try (ClubLock lock = log.tryLock(KIND, club.id()).orElseThrow()) {
      assertTrue(
          lock.start(NightlyRun.starting(KIND, club.id(), slot, RunTrigger.SCHEDULE, 1, "a", NOW)));
      assertFalse(
          lock.start(NightlyRun.starting(KIND, club.id(), slot, RunTrigger.CATCH_UP, 1, "b", NOW)));
      assertTrue(
          lock.start(NightlyRun.starting(KIND, club.id(), slot, RunTrigger.OPERATOR, 1, "c", NOW)));
    }
  }

  @Test
  void historiesGroupTheRecordsOfAKindByClubSinceAGivenTime() throws SQLException {
    Tenant other = clubCreatedAt(NOW.minus(Duration.ofDays(30)));
    SlowJob job = new SlowJob(0);
    runner("r").runNow(job, club);
    job.failure = new IllegalStateException("x");
    assertThrows(IllegalStateException.class, () -> runner("r").runNow(job, other));

    Map<java.util.UUID, RunHistory> histories = log.histories(KIND, NOW.minusSeconds(60));

    assertEquals(Optional.of(NOW), histories.get(club.id().value()).lastSuccess());
    assertTrue(histories.get(club.id().value()).failures().isEmpty());
    assertTrue(histories.get(other.id().value()).lastSuccess().isEmpty());
    assertEquals(1, histories.get(other.id().value()).failures().size());
    assertTrue(log.histories(KIND, NOW.plusSeconds(1)).isEmpty(), "nothing after");
    assertTrue(log.histories("point-expiry", NOW.minusSeconds(60)).isEmpty(), "another kind");
  }

  @Test
  void theListIsNewestFirstFilteredAndContinuesAtItsCursor() throws SQLException {
    Tenant other = clubCreatedAt(NOW.minus(Duration.ofDays(30)));
    SlowJob job = new SlowJob(0);
    for (int i = 0; i < 5; i++) {
      clock.set(NOW.plusSeconds(i));
      runner("r").runNow(job, i % 2 == 0 ? club : other);
    }

    Page first =
        log.page(
            new Filter(Optional.empty(), Optional.empty(), Optional.empty()), Optional.empty(), 2);
    assertEquals(2, first.items().size());
    assertEquals(NOW.plusSeconds(4), first.items().get(0).startedAt());
    assertEquals(NOW.plusSeconds(3), first.items().get(1).startedAt());
    Page second =
        log.page(new Filter(Optional.empty(), Optional.empty(), Optional.empty()), first.next(), 2);
    assertEquals(NOW.plusSeconds(2), second.items().get(0).startedAt());
    Page last =
        log.page(
            new Filter(Optional.empty(), Optional.empty(), Optional.empty()), second.next(), 2);
    assertEquals(1, last.items().size());
    assertTrue(last.next().isEmpty());

    Page clubs =
        log.page(
            new Filter(
                Optional.of(club.id()), Optional.of(KIND), Optional.of(RunOutcome.SUCCEEDED)),
            Optional.empty(),
            10);
    assertEquals(3, clubs.items().size());
    assertTrue(clubs.items().stream().allMatch(r -> r.clubSlug().equals(club.slug().value())));
    assertTrue(
        log.page(
                new Filter(Optional.of(club.id()), Optional.of("point-expiry"), Optional.empty()),
                Optional.empty(),
                10)
            .items()
            .isEmpty());
    assertTrue(
        log.page(
                new Filter(Optional.empty(), Optional.empty(), Optional.of(RunOutcome.FAILED)),
                Optional.empty(),
                10)
            .items()
            .isEmpty());
  }

  private List<NightlyRun> records() {
    return log.page(
            new Filter(Optional.of(club.id()), Optional.empty(), Optional.empty()),
            Optional.empty(),
            100)
        .items();
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement()) {
      if (st.execute(sql)) {
        try (ResultSet rs = st.getResultSet()) {
          while (rs.next()) {
            // drain
          }
        }
      }
    }
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void set(Instant instant) {
      now.set(instant);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
