package club.bloom.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-club configuration snapshots of the purchase path (ADR 0040). */
class SnapshotsTest {
  private final AtomicLong nanos = new AtomicLong();
  private final AtomicInteger loads = new AtomicInteger();
  private final Snapshots<String, String> kept = new Snapshots<>(Duration.ofSeconds(5), nanos::get);

  private String load(String key) {
    return key + "#" + loads.incrementAndGet();
  }

  @Test
  void aSnapshotIsLoadedOnceAndKeptForItsTime() {
    assertEquals("club_a#1", kept.get("club_a", this::load));
    nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertEquals("club_a#1", kept.get("club_a", this::load));
    assertEquals("club_b#2", kept.get("club_b", this::load), "each club has its own");
    nanos.addAndGet(Duration.ofMillis(2).toNanos());
    assertEquals("club_a#3", kept.get("club_a", this::load), "read again after its time");
  }

  @Test
  void aChangeForgottenOnThisReplicaAppliesToTheNextRead() {
    kept.get("club_a", this::load);
    kept.get("club_b", this::load);
    kept.forget("club_a");
    assertEquals("club_a#3", kept.get("club_a", this::load));
    assertEquals("club_b#2", kept.get("club_b", this::load), "other clubs stay kept");
  }

  @Test
  void aLoadThatRacedWithAChangeIsUsedOnceButNotKept() {
    // The load read the old rows; the change committed and was forgotten before the load ended.
    String raced =
        kept.get(
            "club_a",
            key -> {
              String old = load(key);
              kept.forget("club_a");
              return old;
            });
    assertEquals("club_a#1", raced);
    assertEquals("club_a#2", kept.get("club_a", this::load), "the next read loads again");
    assertEquals("club_a#2", kept.get("club_a", this::load));
  }

  @Test
  void nothingIsKeptWithoutATime() {
    Snapshots<String, String> never = new Snapshots<>(Duration.ZERO, nanos::get);
    assertEquals("club_a#1", never.get("club_a", this::load));
    assertEquals("club_a#2", never.get("club_a", this::load));
  }
}
