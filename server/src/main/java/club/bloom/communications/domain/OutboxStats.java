package club.bloom.communications.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * What operations watch: rows waiting, how long the oldest has waited, and rows that failed in the
 * last 24 hours.
 */
public record OutboxStats(long pending, Optional<Duration> oldestPending, long failedLastDay) {}
