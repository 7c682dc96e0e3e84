package club.bloom.nightly.domain;

import club.bloom.tenancy.domain.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The run records ({@code platform.nightly_run}) and the lock that makes one runner at a time per
 * kind and club, across replicas.
 */
public interface NightlyRunLog {

  /** Per club (by tenant id), what the kind's runs started after {@code since} say. */
  Map<UUID, RunHistory> histories(String kind, Instant since);

  /**
   * Takes the lock of the kind's runs of the club if no one holds it, without waiting: empty when
   * another runner (this replica or another) holds it. The lock lasts until the returned handle is
   * closed — or until the holder's connection ends, so a replica that dies frees it.
   */
  Optional<ClubLock> tryLock(String kind, TenantId club);

  /** A page of records, newest first (by start, then id), after {@code after} when given. */
  Page page(Filter filter, Optional<Position> after, int limit);

  /** Which records to list; an empty part does not filter. */
  record Filter(Optional<TenantId> club, Optional<String> kind, Optional<RunOutcome> outcome) {}

  /** Where a page ends: the start and id of its last record. */
  record Position(Instant startedAt, UUID id) {}

  /** A page of records and, when more may follow, where the next one starts. */
  record Page(List<NightlyRun> items, Optional<Position> next) {}

  /** The held lock of one kind and club, and what may be done only while holding it. */
  interface ClubLock extends AutoCloseable {
    /** The history again, read under the lock (another runner may have finished meanwhile). */
    RunHistory history(Instant since);

    /**
     * Marks runs of this kind and club still {@code RUNNING} as failed ({@code interrupted}), as of
     * {@code now}: holding the lock proves their runner is gone. Returns how many.
     */
    int abandonRunning(Instant now);

    /**
     * Records a run as started ({@code RUNNING}); false if the records already hold a scheduled run
     * of that night running or succeeded (a unique index, behind the lock: it holds even if a lock
     * were lost with its connection).
     */
    boolean start(NightlyRun run);

    /** Records how a started run ended. */
    void finish(
        UUID run,
        RunOutcome outcome,
        Optional<FailureReason> failure,
        Map<String, Long> counts,
        Instant finishedAt);

    /** Releases the lock. */
    @Override
    void close();
  }
}
