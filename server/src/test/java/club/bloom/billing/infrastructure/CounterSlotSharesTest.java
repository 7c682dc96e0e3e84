package club.bloom.billing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shares of a split counter add up to its ceiling and differ by at most one (ADR 0036). */
class CounterSlotSharesTest {

  @ParameterizedTest
  @CsvSource({"0,16", "1,16", "15,16", "16,16", "17,16", "23,16", "1000,16", "999999,7", "5,1"})
  void sharesAddUpToTheCeilingAndDifferByAtMostOne(long ceiling, int slots) {
    long sum = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int slot = 0; slot < slots; slot++) {
      long share = SqlUsageCounters.share(ceiling, slots, slot);
      sum += share;
      min = Math.min(min, share);
      max = Math.max(max, share);
    }
    assertEquals(ceiling, sum);
    assertTrue(max - min <= 1, "even shares");
  }
}
