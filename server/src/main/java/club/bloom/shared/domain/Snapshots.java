package club.bloom.shared.domain;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Snapshots of configuration kept per key (a club's schema) for a short time (ADR 0040): a purchase
 * reads its club's tiers, rules, categories and currencies from memory instead of the database.
 *
 * <p>Correctness: a change made on this replica drops the key when its transaction succeeded
 * ({@link #forget}), so the next read loads it again. A load that raced with that change (it read
 * the old rows, the change committed and dropped the key, then the load finished) is not kept:
 * every forget advances a generation, and a load is kept only if the generation did not move while
 * it ran. Other replicas see a change within {@code keptFor}, as the plan limits already do (ADR
 * 0036). A snapshot must be immutable (or a copy): it is shared by concurrent requests of every
 * tenant of the key.
 *
 * @param <K> the key (a club's schema name)
 * @param <V> the snapshot
 */
public final class Snapshots<K, V> {
  private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final long keptForNanos;
  private final LongSupplier nanoTime;

  public Snapshots(Duration keptFor) {
    this(keptFor, System::nanoTime);
  }

  /** With a clock of nanoseconds, for tests. */
  public Snapshots(Duration keptFor, LongSupplier nanoTime) {
    this.keptForNanos = keptFor.toNanos();
    this.nanoTime = nanoTime;
  }

  /** The kept snapshot of {@code key}, or a fresh one from {@code load} (kept if nothing raced). */
  public V get(K key, Function<K, V> load) {
    long now = nanoTime.getAsLong();
    Kept<V> k = kept.get(key);
    if (k != null && now - k.loadedAt() < keptForNanos) {
      return k.value();
    }
    long before = generation.get();
    V value = load.apply(key);
    if (keptForNanos > 0) {
      kept.put(key, new Kept<>(value, now));
      if (generation.get() != before) {
        // A change was forgotten while this loaded: the value may predate it.
        kept.remove(key);
      }
    }
    return value;
  }

  /** Drops what is kept for {@code key}. */
  public void forget(K key) {
    generation.incrementAndGet();
    kept.remove(key);
  }

  /** Drops everything. */
  public void forgetAll() {
    generation.incrementAndGet();
    kept.clear();
  }

  private record Kept<V>(V value, long loadedAt) {}
}
