package club.bloom.membership.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Two members of a club were found to be one person: {@code absorbed} is merged into {@code
 * survivor}. Fired inside the merge's transaction, before it commits; each context that keeps rows
 * per member moves the absorbed member's history to the survivor in its own tables (synchronous
 * observers: a failure rolls the whole merge back) and tallies what it moved with {@link #moved}.
 */
public final class MembersMerged {
  public static final String PURCHASES = "purchases";
  public static final String LEDGER_ENTRIES = "ledger-entries";
  public static final String LOTS = "lots";

  private final SchemaName club;
  private final UUID survivor;
  private final UUID absorbed;
  private final Instant at;
  private final Map<String, Integer> moved = new TreeMap<>();

  public MembersMerged(SchemaName club, UUID survivor, UUID absorbed, Instant at) {
    this.club = club;
    this.survivor = survivor;
    this.absorbed = absorbed;
    this.at = at;
  }

  public SchemaName club() {
    return club;
  }

  public UUID survivor() {
    return survivor;
  }

  public UUID absorbed() {
    return absorbed;
  }

  public Instant at() {
    return at;
  }

  /** An observer moved {@code count} rows of a kind. */
  public synchronized void moved(String what, int count) {
    moved.merge(what, count, Integer::sum);
  }

  public synchronized int count(String what) {
    return moved.getOrDefault(what, 0);
  }
}
