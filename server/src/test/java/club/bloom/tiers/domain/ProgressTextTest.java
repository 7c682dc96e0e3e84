package club.bloom.tiers.domain;

import static club.bloom.tiers.domain.BloomCareLadder.ELITE;
import static club.bloom.tiers.domain.BloomCareLadder.INNER_CIRCLE;
import static club.bloom.tiers.domain.BloomCareLadder.INSIDER;
import static club.bloom.tiers.domain.BloomCareLadder.VIP;
import static club.bloom.tiers.domain.BloomCareLadder.holding;
import static club.bloom.tiers.domain.BloomCareLadder.ladder;
import static club.bloom.tiers.domain.BloomCareLadder.rub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import club.bloom.shared.domain.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressTextTest {
  private final TierLadder ladder = ladder();

  /** Progress towards VIP with only categories left to collect. */
  private static TierProgress categoriesLeftToVip(int categoriesLeft) {
    return new TierProgress(
        holding(INSIDER),
        rub("30000.00"),
        0,
        Optional.of(VIP),
        Optional.of(Money.zero(Money.RUB)),
        categoriesLeft);
  }

  @Nested
  class InRussian {
    @Test
    void moneyAndOneCategoryLeft() {
      TierProgress progress = ladder.progress(holding(INSIDER), rub("24600.00"), 2);

      assertEquals("До VIP осталось 5 400 ₽ и 1 новая категория", ProgressText.of(progress, "ru"));
    }

    @Test
    void kopecksAreShownOnlyWhenTheAmountIsNotWhole() {
      TierProgress progress = ladder.progress(holding(INSIDER), rub("24599.50"), 2);

      assertEquals(
          "До VIP осталось 5 400,50 ₽ и 1 новая категория", ProgressText.of(progress, "ru"));
    }

    @Test
    void oneKopeckLeftIsShownAsKopecks() {
      TierProgress progress = ladder.progress(holding(INSIDER), rub("29999.99"), 3);

      assertEquals("До VIP осталось 0,01 ₽", ProgressText.of(progress, "ru"));
    }

    @Test
    void onlyMoneyLeft() {
      TierProgress progress = ladder.progress(holding(VIP), rub("42000.00"), 5);

      assertEquals("До Elite осталось 58 000 ₽", ProgressText.of(progress, "ru"));
    }

    @Test
    void millionsAreGroupedByThousands() {
      TierRule gold =
          new TierRule("gold", "Gold", 5, rub("2000000.00"), 1, 12, BigDecimal.ONE, false);
      TierProgress progress =
          new TierLadder(List.of(ELITE, gold)).progress(holding(ELITE), rub("765432.11"), 1);

      assertEquals("До Gold осталось 1 234 567,89 ₽", ProgressText.of(progress, "ru"));
    }

    @ParameterizedTest(name = "{0} → «{1}»")
    @CsvSource({
      "1,   До VIP осталась 1 новая категория",
      "2,   До VIP остались 2 новые категории",
      "3,   До VIP остались 3 новые категории",
      "4,   До VIP остались 4 новые категории",
      "5,   До VIP осталось 5 новых категорий",
      "11,  До VIP осталось 11 новых категорий",
      "12,  До VIP осталось 12 новых категорий",
      "14,  До VIP осталось 14 новых категорий",
      "21,  До VIP осталась 21 новая категория",
      "22,  До VIP остались 22 новые категории",
      "25,  До VIP осталось 25 новых категорий",
      "111, До VIP осталось 111 новых категорий",
      "101, До VIP осталась 101 новая категория"
    })
    void onlyCategoriesLeftAgreesVerbAndNounWithTheNumber(int categories, String expected) {
      assertEquals(expected, ProgressText.of(categoriesLeftToVip(categories), "ru"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
      "1,  новая категория",
      "2,  новые категории",
      "4,  новые категории",
      "5,  новых категорий",
      "11, новых категорий",
      "13, новых категорий",
      "14, новых категорий",
      "21, новая категория",
      "24, новые категории",
      "0,  новых категорий"
    })
    void categoriesTakeTheRussianPluralForm(int n, String expected) {
      assertEquals(expected, ProgressText.russianCategories(n));
    }

    @Test
    void moneyAndSeveralCategoriesLeft() {
      TierProgress progress = ladder.progress(holding(VIP), rub("40000.00"), 3);

      assertEquals(
          "До Elite осталось 60 000 ₽ и 2 новые категории", ProgressText.of(progress, "ru-RU"));
    }

    @Test
    void conditionsMetIsSaidSo() {
      TierProgress progress = ladder.progress(holding(INSIDER), rub("30000.00"), 3);

      assertEquals("Условия уровня VIP выполнены", ProgressText.of(progress, "ru"));
    }

    @Test
    void theTopTierIsNamed() {
      TierProgress progress = ladder.progress(holding(INNER_CIRCLE), rub("1000.00"), 1);

      assertEquals("Ваш уровень: Inner Circle (по приглашению)", ProgressText.of(progress, "ru"));
    }
  }

  @Nested
  class InEnglish {
    @Test
    void moneyAndOneCategoryLeft() {
      TierProgress progress = ladder.progress(holding(INSIDER), rub("24600.00"), 2);

      assertEquals("5,400 ₽ and 1 new category to VIP", ProgressText.of(progress, "en"));
    }

    @Test
    void kopecksAreShownOnlyWhenTheAmountIsNotWhole() {
      TierProgress progress = ladder.progress(holding(INSIDER), rub("24599.50"), 2);

      assertEquals("5,400.50 ₽ and 1 new category to VIP", ProgressText.of(progress, "en-GB"));
    }

    @Test
    void onlyMoneyLeft() {
      TierProgress progress = ladder.progress(holding(VIP), rub("42000.00"), 5);

      assertEquals("58,000 ₽ to Elite", ProgressText.of(progress, "EN"));
    }

    @Test
    void onlyCategoriesLeft() {
      assertEquals("1 new category to VIP", ProgressText.of(categoriesLeftToVip(1), "en"));
      assertEquals("2 new categories to VIP", ProgressText.of(categoriesLeftToVip(2), "en"));
      assertEquals("21 new categories to VIP", ProgressText.of(categoriesLeftToVip(21), "en"));
    }

    @Test
    void conditionsMetIsSaidSo() {
      TierProgress progress = ladder.progress(holding(INSIDER), rub("30000.00"), 3);

      assertEquals("You meet the conditions of VIP", ProgressText.of(progress, "en"));
    }

    @Test
    void theTopTierIsNamed() {
      TierProgress progress = ladder.progress(holding(INNER_CIRCLE), rub("1000.00"), 1);

      assertEquals("Your tier: Inner Circle (by invitation)", ProgressText.of(progress, "en"));
    }
  }

  @Nested
  class WithoutANextTier {
    @Test
    void anEliteIsToldItHoldsTheHighestTierReachableBySpend() {
      TierProgress progress = ladder.progress(holding(ELITE), rub("180000.00"), 7);

      assertEquals("У вас высший уровень по покупкам: Elite", ProgressText.of(progress, "ru"));
      assertEquals("Elite is the highest tier reachable by spend", ProgressText.of(progress, "en"));
    }

    @Test
    void aMemberWithoutTierIsNeverToldTheyHoldTheTopTier() {
      TierProgress progress =
          new TierLadder(List.of()).progress(Optional.empty(), Money.zero(Money.RUB), 0);

      assertEquals("В клубе пока нет уровней", ProgressText.of(progress, "ru"));
      assertEquals("The club has no tiers yet", ProgressText.of(progress, "en"));
    }

    @Test
    void anEliteIsNotToldEliteIsTheClubsHighestTierWhenTheInnerCircleRanksAbove() {
      TierProgress progress = ladder.progress(holding(ELITE), rub("180000.00"), 7);

      assertFalse(ProgressText.of(progress, "ru").contains("высший уровень клуба"));
      assertFalse(ProgressText.of(progress, "en").contains("the club's highest tier"));
    }
  }
}
