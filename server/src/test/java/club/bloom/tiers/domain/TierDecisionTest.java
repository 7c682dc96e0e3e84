package club.bloom.tiers.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TierDecisionTest {
  private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");
  private static final Duration GRACE = Duration.ofDays(30);
  private final TierLadder ladder = BloomCareLadder.ladder();

  private Optional<TierRule> tier(String code) {
    return ladder.find(code);
  }

  @Test
  void anUpgradeAppliesAtOnce() {
    TierDecision d =
        TierDecision.of(
            ladder,
            Optional.of("insider"),
            Optional.empty(),
            tier("vip"),
            Optional.empty(),
            NOW,
            GRACE);
    assertEquals(Optional.of("vip"), d.tier());
    assertEquals(Optional.empty(), d.belowSince());
  }

  @Test
  void aMemberBelowTheTierKeepsItDuringTheGracePeriod() {
    TierDecision first =
        TierDecision.of(
            ladder,
            Optional.of("vip"),
            Optional.empty(),
            tier("insider"),
            Optional.empty(),
            NOW,
            GRACE);
    assertEquals(Optional.of("vip"), first.tier());
    assertEquals(Optional.of(NOW), first.belowSince());

    TierDecision later =
        TierDecision.of(
            ladder,
            Optional.of("vip"),
            Optional.empty(),
            tier("insider"),
            first.belowSince(),
            NOW.plus(Duration.ofDays(29)),
            GRACE);
    assertEquals(Optional.of("vip"), later.tier());
    assertEquals(Optional.of(NOW), later.belowSince(), "the grace runs from the first time");
  }

  @Test
  void afterTheGracePeriodTheMemberMovesDownToWhatTheyQualifyFor() {
    TierDecision d =
        TierDecision.of(
            ladder,
            Optional.of("elite"),
            Optional.empty(),
            tier("insider"),
            Optional.of(NOW),
            NOW.plus(GRACE),
            GRACE);
    assertEquals(Optional.of("insider"), d.tier());
    assertEquals("downgrade", d.reason());
  }

  @Test
  void meetingTheTierAgainEndsTheGrace() {
    TierDecision d =
        TierDecision.of(
            ladder,
            Optional.of("vip"),
            Optional.empty(),
            tier("vip"),
            Optional.of(NOW),
            NOW,
            GRACE);
    assertEquals(Optional.of("vip"), d.tier());
    assertEquals(Optional.empty(), d.belowSince());
  }

  @Test
  void aManualTierIsKeptWhateverTheSpend() {
    TierDecision d =
        TierDecision.of(
            ladder,
            Optional.of("elite"),
            Optional.of("elite"),
            Optional.empty(),
            Optional.empty(),
            NOW,
            Duration.ZERO);
    assertEquals(Optional.of("elite"), d.tier());
    assertEquals("manual", d.reason());
  }

  @Test
  void theInnerCircleIsNeverTakenBySpend() {
    TierDecision d =
        TierDecision.of(
            ladder,
            Optional.of("inner-circle"),
            Optional.empty(),
            tier("insider"),
            Optional.empty(),
            NOW,
            Duration.ZERO);
    assertEquals(Optional.of("inner-circle"), d.tier());
  }

  @Test
  void theTopPercentByRankReachesATierWithoutTheSpend() {
    TierRule elite =
        new TierRule(
            "elite",
            "Elite",
            3,
            club.bloom.shared.domain.Money.rub("100000"),
            5,
            12,
            BigDecimal.TEN,
            false,
            BigDecimal.ONE);
    var money = club.bloom.shared.domain.Money.rub("5000");
    assertEquals(true, elite.isMetBy(money, 1, new BigDecimal("0.5")));
    assertEquals(true, elite.isMetBy(money, 1, new BigDecimal("1.0")));
    assertEquals(false, elite.isMetBy(money, 1, new BigDecimal("1.01")));
    assertEquals(false, elite.isMetBy(money, 1, null));
  }

  @Test
  void anInvitationOnlyTierGrantedUntilADateIsLeftForWhatSpendQualifiesForAfterIt() {
    TierDecision kept =
        TierDecision.of(
            ladder,
            Optional.of("inner-circle"),
            Optional.empty(),
            Optional.empty(),
            tier("insider"),
            Optional.empty(),
            NOW,
            GRACE);
    assertEquals(Optional.of("inner-circle"), kept.tier(), "no end date: kept until revoked");

    TierDecision ended =
        TierDecision.of(
            ladder,
            Optional.of("inner-circle"),
            Optional.empty(),
            Optional.of("inner-circle"),
            tier("vip"),
            Optional.empty(),
            NOW,
            GRACE);
    assertEquals(Optional.of("vip"), ended.tier(), "no grace for a tier never earned by spend");
    assertEquals("invitation-ended", ended.reason());
  }
}
