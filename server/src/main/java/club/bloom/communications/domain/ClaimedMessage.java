package club.bloom.communications.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An outbox row a dispatcher has claimed: until its lease ends no other dispatcher takes it, and
 * the attempt's result is written only under {@code claim}, so a dispatcher that outlived its lease
 * cannot overwrite the result of the one that took the row over.
 *
 * @param attempt this attempt's number (1 for the first), counted when the row was claimed
 * @param claimedAt the database's time at the claim (the clock every replica shares)
 * @param sealedPayload the payload as stored; opened by {@link PayloadSeal}
 */
public record ClaimedMessage(
    UUID id,
    Channel channel,
    String kind,
    int attempt,
    Instant createdAt,
    Instant claimedAt,
    UUID claim,
    byte[] sealedPayload) {
  public ClaimedMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(claimedAt, "claimedAt");
    Objects.requireNonNull(claim, "claim");
  }

  @Override
  public String toString() {
    return channel.name().toLowerCase(java.util.Locale.ROOT) + " " + kind + " " + id;
  }
}
