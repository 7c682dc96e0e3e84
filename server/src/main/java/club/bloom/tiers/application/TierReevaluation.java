package club.bloom.tiers.application;

import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tiers.domain.MemberStandings;
import club.bloom.tiers.domain.MemberTierState;
import club.bloom.tiers.domain.MemberTierStates;
import club.bloom.tiers.domain.TierLadder;
import club.bloom.tiers.domain.TierReview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The steps of a club's scheduled re-evaluation (ADR 0010, ADR 0012), each a transaction of its
 * own: standings for all members in one statement, then the members a chunk at a time — read with
 * their standings, decided by {@link club.bloom.tiers.domain.TierDecision}, and only the changes
 * written. {@link TierReevaluationSchedule} drives the chunks.
 */
@ApplicationScoped
public class TierReevaluation {
  @Inject MemberStandings standings;
  @Inject MemberTierStates states;
  @Inject TierConfiguration configuration;
  @Inject UserTransaction transaction;

  @Inject
  @ConfigProperty(name = "bloom.tiers.standings-timeout-seconds", defaultValue = "1800")
  int standingsTimeoutSeconds;

  /** What every chunk of one run decides with. */
  public record Settings(TierLadder ladder, Duration grace) {}

  /**
   * One chunk's result: where the next starts, how many were read and written, the outcomes, and
   * the time spent reading and writing (deciding is the rest).
   */
  public record Chunk(
      Optional<UUID> last,
      int read,
      int written,
      Map<String, Integer> outcomes,
      Duration readTime,
      Duration writeTime) {}

  /**
   * Recomputes the club's standings as of {@code now}; returns how many members it ranked. It is
   * one statement over every purchase of the window — minutes for a club of a million members — so
   * it runs in a transaction of its own with the timeout {@code
   * bloom.tiers.standings-timeout-seconds} instead of the server's default for requests (120 s on
   * Liberty).
   */
  public int recomputeStandings(Tenant club, Instant now) {
    try {
      transaction.setTransactionTimeout(standingsTimeoutSeconds);
      transaction.begin();
      try {
        TierLadder ladder = configuration.ladder(club.schema());
        Instant from =
            now.atZone(ZoneId.of(club.timeZone())).minusMonths(ladder.windowMonths()).toInstant();
        int changed = standings.recompute(club.schema(), from, now);
        transaction.commit();
        return changed;
      } catch (RuntimeException e) {
        rollback();
        throw e;
      }
    } catch (NotSupportedException
        | SystemException
        | RollbackException
        | HeuristicMixedException
        | HeuristicRollbackException e) {
      throw new IllegalStateException("standings of " + club.slug() + " not recomputed", e);
    } finally {
      resetTimeout();
    }
  }

  private void rollback() {
    try {
      if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
    } catch (SystemException | IllegalStateException e) {
      // the original failure is what matters
    }
  }

  private void resetTimeout() {
    try {
      transaction.setTransactionTimeout(0);
    } catch (SystemException e) {
      // the next transaction of this thread falls back to the server's default anyway
    }
  }

  /** The club's ladder and grace period. */
  @Transactional
  public Settings settings(Tenant club) {
    return new Settings(configuration.ladder(club.schema()), standings.gracePeriod(club.schema()));
  }

  /**
   * Evaluates up to {@code size} members after {@code after}; a member whose row changed since it
   * was read (a purchase) is counted as skipped and evaluated on the next run.
   */
  @Transactional
  public Chunk evaluate(
      SchemaName club, Settings settings, Optional<UUID> after, int size, Instant now) {
    long t0 = System.nanoTime();
    List<MemberTierState> page = states.page(club, after, size);
    long t1 = System.nanoTime();
    List<TierReview> reviews =
        page.stream().map(s -> s.review(settings.ladder(), now, settings.grace())).toList();
    List<TierReview> changes = reviews.stream().filter(TierReview::changesRow).toList();
    long t2 = System.nanoTime();
    Set<UUID> written = changes.isEmpty() ? Set.of() : states.write(club, changes, now);
    long t3 = System.nanoTime();
    Map<String, Integer> outcomes = new TreeMap<>();
    for (TierReview r : reviews) {
      String outcome =
          r.changesRow() && !written.contains(r.memberId()) ? TierReview.SKIPPED : r.outcome();
      outcomes.merge(outcome, 1, Integer::sum);
    }
    Optional<UUID> last =
        page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).memberId());
    return new Chunk(
        last,
        page.size(),
        written.size(),
        outcomes,
        Duration.ofNanos(t1 - t0),
        Duration.ofNanos(t3 - t2));
  }
}
