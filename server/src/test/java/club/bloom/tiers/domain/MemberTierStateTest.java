package club.bloom.tiers.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.tiers.domain.MemberStandings.Standing;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The nightly review of one member, as the chunked re-evaluation reads it. */
class MemberTierStateTest {
  private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

  private static MemberTierState innerCircleUntil(Instant until) {
    return new MemberTierState(
        UUID.randomUUID(),
        3,
        Optional.of("inner-circle"),
        Optional.of("inner-circle"),
        Optional.of(until),
        Optional.empty(),
        Optional.of(new Standing(BloomCareLadder.rub("35000.00"), 3, new BigDecimal("40"))));
  }

  @Test
  void anInvitationGrantedUntilADayThatHasPassedIsLeftForWhatTheMemberQualifiesFor() {
    TierReview review =
        innerCircleUntil(NOW.minusSeconds(1))
            .review(BloomCareLadder.ladder(), NOW, Duration.ofDays(30));

    assertEquals(Optional.of("vip"), review.tier());
    assertEquals("invitation-ended", review.reason());
    assertTrue(review.changesRow());
  }

  @Test
  void anInvitationStillInItsTimeIsKept() {
    TierReview review =
        innerCircleUntil(NOW.plusSeconds(60))
            .review(BloomCareLadder.ladder(), NOW, Duration.ofDays(30));

    assertEquals(Optional.of("inner-circle"), review.tier());
  }
}
