package club.bloom.tiers.domain;

import static club.bloom.tiers.domain.BloomCareLadder.ELITE;
import static club.bloom.tiers.domain.BloomCareLadder.INNER_CIRCLE;
import static club.bloom.tiers.domain.BloomCareLadder.INSIDER;
import static club.bloom.tiers.domain.BloomCareLadder.VIP;
import static club.bloom.tiers.domain.BloomCareLadder.rub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TierRuleTest {
  @Test
  void basePointsAreRoundedDownToWholePoints() {
    assertEquals(99, INSIDER.pointsFor(rub("1999.99")));
  }

  @Test
  void aPurchaseTooSmallForOnePointEarnsNothing() {
    assertEquals(0, INSIDER.pointsFor(rub("19.99")));
    assertEquals(1, INSIDER.pointsFor(rub("20.00")));
  }

  @Test
  void eachTierEarnsItsOwnAccrualPercent() {
    assertEquals(500, INSIDER.pointsFor(rub("10000.00")));
    assertEquals(700, VIP.pointsFor(rub("10000.00")));
    assertEquals(1000, ELITE.pointsFor(rub("10000.00")));
    assertEquals(1200, INNER_CIRCLE.pointsFor(rub("10000.00")));
  }

  @Test
  void vipPointsOfAnAmountWithKopecksAreRoundedDown() {
    // 1 428,57 × 7 % = 99,9999
    assertEquals(99, VIP.pointsFor(rub("1428.57")));
    assertEquals(100, VIP.pointsFor(rub("1428.58")));
  }

  @Test
  void aRuleIsMetWhenBothSpendAndCategoriesAreMet() {
    assertTrue(VIP.isMetBy(rub("30000.00"), 3));
    assertFalse(VIP.isMetBy(rub("29999.99"), 3));
    assertFalse(VIP.isMetBy(rub("30000.00"), 2));
  }

  @Test
  void anInvitationOnlyRuleIsNeverMet() {
    assertFalse(INNER_CIRCLE.isMetBy(rub("0.00"), 0));
    assertFalse(INNER_CIRCLE.isMetBy(rub("999999.00"), 99));
  }
}
