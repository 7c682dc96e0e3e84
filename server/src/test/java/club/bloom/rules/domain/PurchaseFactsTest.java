package club.bloom.rules.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.shared.domain.Money;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurchaseFactsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

  @SuppressWarnings("unchecked")
  private static Map<String, Object> part(PurchaseFacts facts, String name) {
    return (Map<String, Object>) facts.variables().get(name);
  }

  @Test
  void onTheBirthdayItselfTheDaysToBirthdayAreZero() {
    assertEquals(0, PurchaseFacts.daysToBirthday(LocalDate.of(1990, 3, 10), TODAY));
  }

  @Test
  void daysToBirthdayCountToTheNextOccurrence() {
    assertEquals(1, PurchaseFacts.daysToBirthday(LocalDate.of(1990, 3, 11), TODAY));
    assertEquals(3, PurchaseFacts.daysToBirthday(LocalDate.of(1990, 3, 13), TODAY));
    assertEquals(4, PurchaseFacts.daysToBirthday(LocalDate.of(1990, 3, 14), TODAY));
  }

  @Test
  void aBirthdayJustPassedIsAlmostAYearAway() {
    assertEquals(364, PurchaseFacts.daysToBirthday(LocalDate.of(1990, 3, 9), TODAY));
  }

  @Test
  void daysToBirthdayCrossTheNewYear() {
    assertEquals(
        3, PurchaseFacts.daysToBirthday(LocalDate.of(1985, 1, 2), LocalDate.of(2026, 12, 30)));
  }

  @Test
  void aLeapDayBirthdayIsCelebratedOnTheTwentyEighthInOtherYears() {
    LocalDate leapDay = LocalDate.of(1996, 2, 29);
    assertEquals(0, PurchaseFacts.daysToBirthday(leapDay, LocalDate.of(2027, 2, 28)));
    assertEquals(2, PurchaseFacts.daysToBirthday(leapDay, LocalDate.of(2027, 2, 26)));
    assertEquals(3, PurchaseFacts.daysToBirthday(leapDay, LocalDate.of(2028, 2, 26)));
    assertEquals(0, PurchaseFacts.daysToBirthday(leapDay, LocalDate.of(2028, 2, 29)));
  }

  @Test
  void theFirstPurchaseInACategoryThisMonthIsDerivedFromTheMonthsCategories() {
    assertTrue(
        Facts.purchase()
            .category("spa")
            .withCategoriesThisMonth("gastro")
            .build()
            .firstInCategoryThisMonth());
    assertFalse(
        Facts.purchase()
            .category("spa")
            .withCategoriesThisMonth("gastro", "spa")
            .build()
            .firstInCategoryThisMonth());
  }

  @Test
  void conditionsSeeThePurchaseByTheDocumentedNamesAndTypes() {
    PurchaseFacts facts =
        Facts.purchase().amount("1500.50").at(LocalDateTime.of(2026, 11, 29, 0, 5)).build();

    assertEquals(
        Map.of(
            "amount",
            1500.5,
            "amount_kopecks",
            150050L,
            "category",
            "florist",
            "partner",
            "rose-garden",
            "hour",
            0L,
            "day_of_week",
            7L,
            "date",
            "2026-11-29"),
        part(facts, "purchase"));
  }

  @Test
  void conditionsSeeTheMemberByTheDocumentedNamesAndTypes() {
    PurchaseFacts facts =
        Facts.purchase()
            .tier("vip")
            .daysToBirthday(2)
            .purchasesCount(7)
            .withCategoriesThisMonth("gastro", "florist")
            .withSegments("newcomer")
            .build();

    assertEquals(
        Map.of(
            "tier",
            "vip",
            "days_to_birthday",
            2L,
            "first_in_category_this_month",
            false,
            "purchases_count",
            7L,
            "categories_this_month",
            List.of("gastro", "florist"),
            "segments",
            List.of("newcomer")),
        part(facts, "member"));
  }

  @Test
  void aMemberWithoutTierHasTheEmptyTier() {
    assertEquals("", new PurchaseFacts.Member(null, -1, 0, List.of(), List.of()).tier());
  }

  @Test
  void impossibleMemberFactsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new PurchaseFacts.Member("", -2, 0, List.of(), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PurchaseFacts.Member("", 366, 0, List.of(), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PurchaseFacts.Member("", 0, -1, List.of(), List.of()));
  }

  @Test
  void theAmountInKopecksIsExact() {
    assertEquals(
        199999L,
        new PurchaseFacts.Purchase(
                Money.rub("1999.99"), "spa", "lotus", LocalDateTime.of(2026, 1, 1, 12, 0))
            .amountKopecks());
  }
}
