package club.bloom.tiers.domain;

import static club.bloom.tiers.domain.BloomCareLadder.ELITE;
import static club.bloom.tiers.domain.BloomCareLadder.INNER_CIRCLE;
import static club.bloom.tiers.domain.BloomCareLadder.INSIDER;
import static club.bloom.tiers.domain.BloomCareLadder.VIP;
import static club.bloom.tiers.domain.BloomCareLadder.holding;
import static club.bloom.tiers.domain.BloomCareLadder.ladder;
import static club.bloom.tiers.domain.BloomCareLadder.noTier;
import static club.bloom.tiers.domain.BloomCareLadder.rub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.shared.domain.Money;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TierLadderTest {
  private final TierLadder ladder = ladder();

  @Test
  void rulesAreOrderedByRankWhateverTheConfigurationOrder() {
    assertEquals(
        List.of("insider", "vip", "elite", "inner-circle"),
        ladder.rules().stream().map(TierRule::code).toList());
  }

  @Test
  void findsATierByItsCodeOnly() {
    assertEquals(Optional.of(VIP), ladder.find("vip"));
    assertEquals(Optional.empty(), ladder.find("VIP"));
    assertEquals(Optional.empty(), ladder.find("gold"));
  }

  @Test
  void theWindowIsTheLongestOfTheTiersAndTwelveMonthsForAnEmptyLadder() {
    assertEquals(12, ladder.windowMonths());
    assertEquals(12, new TierLadder(List.of()).windowMonths());
  }

  @Nested
  class Qualifying {
    @Test
    void aFirstPurchaseInOneCategoryMakesAnInsider() {
      assertEquals(Optional.of(INSIDER), ladder.qualifying(rub("1.00"), 1));
    }

    @Test
    void noCategoryMeansNoTierEvenWithoutSpend() {
      assertEquals(Optional.empty(), ladder.qualifying(Money.zero(Money.RUB), 0));
    }

    @Test
    void vipIsReachedAtExactlyThirtyThousandRubles() {
      assertEquals(Optional.of(VIP), ladder.qualifying(rub("30000.00"), 3));
    }

    @Test
    void vipIsNotReachedOneKopeckShortOfThirtyThousand() {
      assertEquals(Optional.of(INSIDER), ladder.qualifying(rub("29999.99"), 3));
    }

    @Test
    void vipNeedsThreeCategoriesWithinTheWindow() {
      assertEquals(Optional.of(VIP), ladder.qualifying(rub("45000.00"), 3));
      assertEquals(Optional.of(INSIDER), ladder.qualifying(rub("45000.00"), 2));
    }

    @Test
    void eliteIsReachedWithOneHundredThousandRublesInFiveCategories() {
      assertEquals(Optional.of(ELITE), ladder.qualifying(rub("100000.00"), 5));
    }

    @Test
    void eliteIsNotReachedOneKopeckShortEvenWithManyCategories() {
      assertEquals(Optional.of(VIP), ladder.qualifying(rub("99999.99"), 9));
    }

    @Test
    void eliteSpendInFourCategoriesOnlyMakesAVip() {
      assertEquals(Optional.of(VIP), ladder.qualifying(rub("250000.00"), 4));
    }

    @Test
    void theInnerCircleIsNeverReachedBySpend() {
      assertEquals(Optional.of(ELITE), ladder.qualifying(rub("10000000.00"), 40));
      assertTrue(!INNER_CIRCLE.isMetBy(rub("10000000.00"), 40));
    }
  }

  @Nested
  class AfterPurchase {
    @Test
    void aNewMemberGetsTheTierTheWindowQualifiesFor() {
      assertEquals(Optional.of(VIP), ladder.afterPurchase(Optional.empty(), rub("30000.00"), 3));
    }

    @Test
    void aNewMemberWithoutAnyCategoryStaysWithoutTier() {
      assertEquals(
          Optional.empty(), ladder.afterPurchase(Optional.empty(), Money.zero(Money.RUB), 0));
    }

    @Test
    void anInsiderIsPromotedToVipWhenTheWindowQualifies() {
      assertEquals(
          Optional.of(VIP), ladder.afterPurchase(Optional.of("insider"), rub("30000.00"), 3));
    }

    @Test
    void aVipCanJumpStraightToElite() {
      assertEquals(
          Optional.of(ELITE), ladder.afterPurchase(Optional.of("vip"), rub("100000.00"), 5));
    }

    @Test
    void aPurchaseNeverDowngradesAnElite() {
      assertEquals(
          Optional.of(ELITE), ladder.afterPurchase(Optional.of("elite"), rub("500.00"), 1));
    }

    @Test
    void aPurchaseNeverDowngradesAVipWhoseWindowNoLongerQualifiesForAnyTier() {
      assertEquals(
          Optional.of(VIP), ladder.afterPurchase(Optional.of("vip"), Money.zero(Money.RUB), 0));
    }

    @Test
    void theInnerCircleIsKeptAfterAPurchaseThatQualifiesForElite() {
      assertEquals(
          Optional.of(INNER_CIRCLE),
          ladder.afterPurchase(Optional.of("inner-circle"), rub("150000.00"), 6));
    }

    @Test
    void aTierNoLongerConfiguredIsReplacedByWhatTheWindowQualifiesFor() {
      assertEquals(
          Optional.of(INSIDER), ladder.afterPurchase(Optional.of("gold"), rub("800.00"), 1));
    }
  }

  @Nested
  class Progress {
    @Test
    void progressFromInsiderToVipIsExactToTheKopeck() {
      TierProgress progress = ladder.progress(holding(INSIDER), rub("24599.50"), 2);

      assertEquals(Optional.of(VIP), progress.next());
      assertEquals(Optional.of(rub("5400.50")), progress.amountLeft());
      assertEquals(1, progress.categoriesLeft());
      assertEquals(rub("24599.50"), progress.spentInWindow());
      assertEquals(2, progress.categoriesInWindow());
    }

    @Test
    void oneKopeckIsLeftAtTwentyNineThousandNineHundredNinetyNineRublesNinetyNine() {
      TierProgress progress = ladder.progress(holding(INSIDER), rub("29999.99"), 3);

      assertEquals(Optional.of(rub("0.01")), progress.amountLeft());
      assertEquals(0, progress.categoriesLeft());
    }

    @Test
    void nothingIsLeftNeverANegativeAmountOnceTheSpendIsMet() {
      TierProgress progress = ladder.progress(holding(INSIDER), rub("31000.00"), 1);

      assertEquals(Optional.of(Money.zero(Money.RUB)), progress.amountLeft());
      assertEquals(2, progress.categoriesLeft());
    }

    @Test
    void aVipProgressesTowardsElite() {
      TierProgress progress = ladder.progress(holding(VIP), rub("42000.00"), 3);

      assertEquals(Optional.of(ELITE), progress.next());
      assertEquals(Optional.of(rub("58000.00")), progress.amountLeft());
      assertEquals(2, progress.categoriesLeft());
    }

    @Test
    void aMemberWithoutTierProgressesTowardsTheFirstTier() {
      TierProgress progress = ladder.progress(noTier(), Money.zero(Money.RUB), 0);

      assertEquals(Optional.of(INSIDER), progress.next());
      assertEquals(Optional.of(Money.zero(Money.RUB)), progress.amountLeft());
      assertEquals(1, progress.categoriesLeft());
    }

    @Test
    void anEliteHasNoNextTierBecauseTheInnerCircleIsByInvitation() {
      TierProgress progress = ladder.progress(holding(ELITE), rub("180000.00"), 7);

      assertEquals(Optional.empty(), progress.next());
      assertEquals(Optional.empty(), progress.amountLeft());
      assertEquals(0, progress.categoriesLeft());
    }

    @Test
    void theInnerCircleHasNoNextTier() {
      TierProgress progress = ladder.progress(holding(INNER_CIRCLE), rub("1000.00"), 1);

      assertEquals(Optional.empty(), progress.next());
      assertEquals(Optional.of(INNER_CIRCLE), progress.current());
    }
  }
}
