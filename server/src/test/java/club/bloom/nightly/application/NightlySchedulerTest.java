package club.bloom.nightly.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.nightly.domain.Backoff;
import club.bloom.nightly.domain.FailureReason;
import club.bloom.nightly.domain.NightlyRun;
import club.bloom.nightly.domain.NightlyRunLog;
import club.bloom.nightly.domain.RunHistory;
import club.bloom.nightly.domain.RunOutcome;
import club.bloom.nightly.domain.RunTrigger;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's looks over several clubs and kinds, with the records in memory: what a look runs,
 * and when it plans the next one.
 */
class NightlySchedulerTest {
  /** 2026-12-08 12:00 UTC: 15:00 in Moscow, 22:00 in Vladivostok. */
  private static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");

  private static final Instant CREATED = NOW.minus(Duration.ofDays(30));

  private final Tenant moscow = club("moscow-club", "Europe/Moscow");
  private final Tenant vladivostok = club("far-east-club", "Asia/Vladivostok");
  private final MemoryLog records = new MemoryLog();
  private final List<String> ran = new ArrayList<>();

  private static Tenant club(String slug, String zone) {
    return Tenant.register(TenantKind.CLUB, new Slug(slug), slug, "ru", zone, CREATED);
  }

  private NightlyScheduler scheduler(List<Tenant> clubs, Duration checkInterval, boolean ready) {
    NightlySettings settings =
        new NightlySettings(
            LocalTime.of(3, 30),
            checkInterval,
            new Backoff(Duration.ofMinutes(5), Duration.ofHours(1), 5),
            "test");
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    NightlyScheduler scheduler = new NightlyScheduler();
    scheduler.settings = settings;
    scheduler.clock = clock;
    scheduler.log = records;
    scheduler.runner = new NightlyRunner(records, settings, clock);
    scheduler.tenants =
        (TenantRegistry)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {TenantRegistry.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("active")) {
                    return clubs;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    scheduler.start(List.of(job("tier-reevaluation"), job("point-expiry")), () -> ready);
    return scheduler;
  }

  private NightlyJob<String> job(String kind) {
    return new NightlyJob<>() {
      @Override
      public String kind() {
        return kind;
      }

      @Override
      public String run(Tenant club) {
        ran.add(kind + "@" + club.slug().value());
        return "ok";
      }

      @Override
      public Map<String, Long> counts(String result) {
        return Map.of("membersRead", 1L);
      }
    };
  }

  @Test
  void theFirstLookAfterDowntimeRunsEveryClubAndKindOnceAsACatchUp() {
    records.succeeded("tier-reevaluation", moscow, NOW.minus(Duration.ofDays(3)));
    NightlyScheduler scheduler =
        scheduler(List.of(moscow, vladivostok), Duration.ofMinutes(5), true);

    scheduler.look();

    assertEquals(
        Set.of(
            "point-expiry@moscow-club",
            "point-expiry@far-east-club",
            "tier-reevaluation@moscow-club",
            "tier-reevaluation@far-east-club"),
        Set.copyOf(ran));
    assertEquals(4, ran.size(), "once each, not once per missed night");
    List<NightlyRun> recorded =
        records.runs.stream().filter(r -> r.replica().equals("test")).toList();
    assertEquals(4, recorded.size());
    assertTrue(recorded.stream().allMatch(r -> r.trigger() == RunTrigger.CATCH_UP));
    assertTrue(recorded.stream().allMatch(r -> r.outcome() == RunOutcome.SUCCEEDED));

    scheduler.look();
    assertEquals(4, ran.size(), "the next look finds every night done");
  }

  @Test
  void whenEveryNightIsDoneTheNextLookIsTheEarliestNextSlotOfAnyClub() {
    for (Tenant club : List.of(moscow, vladivostok)) {
      records.succeeded("tier-reevaluation", club, NOW.minusSeconds(60));
      records.succeeded("point-expiry", club, NOW.minusSeconds(60));
    }
    NightlyScheduler scheduler = scheduler(List.of(moscow, vladivostok), Duration.ofDays(1), true);

    scheduler.look();

    assertTrue(ran.isEmpty());
    // 03:30 in Vladivostok (UTC+10) comes at 17:30 UTC, before Moscow's 00:30 UTC tomorrow.
    assertEquals(Instant.parse("2026-12-08T17:30:00Z"), scheduler.nextLook());
  }

  @Test
  void theNextLookIsNeverLaterThanTheCheckInterval() {
    for (Tenant club : List.of(moscow, vladivostok)) {
      records.succeeded("tier-reevaluation", club, NOW.minusSeconds(60));
      records.succeeded("point-expiry", club, NOW.minusSeconds(60));
    }
    NightlyScheduler scheduler =
        scheduler(List.of(moscow, vladivostok), Duration.ofMinutes(5), true);

    scheduler.look();

    assertEquals(NOW.plus(Duration.ofMinutes(5)), scheduler.nextLook());
  }

  @Test
  void whileThePlatformIsNotReadyNothingRunsAndItLooksAgainSoon() {
    NightlyScheduler scheduler = scheduler(List.of(moscow), Duration.ofMinutes(5), false);

    scheduler.look();

    assertTrue(ran.isEmpty());
    assertEquals(NOW.plus(NightlyScheduler.NOT_READY_RETRY), scheduler.nextLook());
  }

  @Test
  void oneClubsBadTimeZoneDoesNotStopTheOthers() {
    Tenant broken = club("broken-club", "Mars/Olympus_Mons");
    NightlyScheduler scheduler = scheduler(List.of(broken, moscow), Duration.ofMinutes(5), true);

    scheduler.look();

    assertEquals(
        Set.of("point-expiry@moscow-club", "tier-reevaluation@moscow-club"), Set.copyOf(ran));
  }

  /** The records in memory; the lock is a set of held kind/club pairs. */
  private static final class MemoryLog implements NightlyRunLog {
    final List<NightlyRun> runs = new ArrayList<>();
    final Set<String> held = new HashSet<>();

    void succeeded(String kind, Tenant club, Instant at) {
      runs.add(
          new NightlyRun(
              UUID.randomUUID(),
              kind,
              club.id(),
              club.slug().value(),
              java.time.LocalDate.ofInstant(at, ZoneOffset.UTC),
              at,
              RunTrigger.SCHEDULE,
              1,
              "old",
              at,
              Optional.of(at),
              RunOutcome.SUCCEEDED,
              Optional.empty(),
              Map.of()));
    }

    @Override
    public Map<UUID, RunHistory> histories(String kind, Instant since) {
      Map<UUID, RunHistory> histories = new HashMap<>();
      for (NightlyRun r : runs) {
        if (r.kind().equals(kind) && r.startedAt().isAfter(since)) {
          histories.put(r.club().value(), history(kind, r.club().value(), since));
        }
      }
      return histories;
    }

    private RunHistory history(String kind, UUID club, Instant since) {
      Optional<Instant> success = Optional.empty();
      List<RunHistory.Failure> failures = new ArrayList<>();
      for (NightlyRun r : runs) {
        if (!r.kind().equals(kind)
            || !r.club().value().equals(club)
            || !r.startedAt().isAfter(since)) {
          continue;
        }
        if (r.outcome() == RunOutcome.SUCCEEDED
            && success.map(s -> r.startedAt().isAfter(s)).orElse(true)) {
          success = Optional.of(r.startedAt());
        } else if (r.outcome() == RunOutcome.FAILED) {
          failures.add(
              new RunHistory.Failure(
                  r.startedAt(),
                  r.finishedAt().orElseThrow(),
                  r.failure().map(f -> f.code().equals(FailureReason.INTERRUPTED)).orElse(false)));
        }
      }
      return new RunHistory(success, failures);
    }

    @Override
    public Optional<ClubLock> tryLock(String kind, TenantId club) {
      String key = kind + ":" + club.value();
      if (!held.add(key)) {
        return Optional.empty();
      }
      return Optional.of(
          new ClubLock() {
            @Override
            public RunHistory history(Instant since) {
              return MemoryLog.this.history(kind, club.value(), since);
            }

            @Override
            public int abandonRunning(Instant now) {
              return 0;
            }

            @Override
            public boolean start(NightlyRun run) {
              runs.add(run);
              return true;
            }

            @Override
            public void finish(
                UUID id,
                RunOutcome outcome,
                Optional<FailureReason> failure,
                Map<String, Long> counts,
                Instant finishedAt) {
              for (int i = 0; i < runs.size(); i++) {
                NightlyRun r = runs.get(i);
                if (r.id().equals(id)) {
                  runs.set(
                      i,
                      new NightlyRun(
                          r.id(),
                          r.kind(),
                          r.club(),
                          r.clubSlug(),
                          r.night(),
                          r.scheduledFor(),
                          r.trigger(),
                          r.attempt(),
                          r.replica(),
                          r.startedAt(),
                          Optional.of(finishedAt),
                          outcome,
                          failure,
                          counts));
                }
              }
            }

            @Override
            public void close() {
              held.remove(key);
            }
          });
    }

    @Override
    public Page page(Filter filter, Optional<Position> after, int limit) {
      throw new UnsupportedOperationException();
    }
  }
}
