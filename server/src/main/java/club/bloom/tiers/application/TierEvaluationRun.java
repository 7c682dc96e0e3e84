package club.bloom.tiers.application;

import java.time.Duration;
import java.util.Map;

/**
 * What one club's re-evaluation did: members by outcome, how many members' rows were written, and
 * how long the two steps took (standings and percentiles; reading, deciding and writing the members
 * in {@code chunks} transactions).
 */
public record TierEvaluationRun(
    Map<String, Integer> outcomes,
    int standings,
    Duration standingsTime,
    int members,
    int written,
    int chunks,
    Duration decisionsTime,
    Duration readTime,
    Duration writeTime) {}
