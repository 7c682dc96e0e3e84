package club.bloom.ledger.application;

import java.time.Duration;

/**
 * What one club's expiry run did: how many members had something due and how long finding them
 * took; how many members had points expired, in how many chunks (transactions), how many lots were
 * expired (emptied), how many points left their accounts, and how long that took.
 */
public record ExpiryRun(
    int due,
    Duration dueTime,
    int members,
    int chunks,
    long lots,
    long points,
    Duration expiryTime) {}
