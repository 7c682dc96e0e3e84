package club.bloom.tiers.domain;

import club.bloom.shared.domain.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Progress in words, in the club's language: «До VIP осталось 5 400 ₽ и 1 новая категория», or in
 * English «5,400 ₽ and 1 new category to VIP». Amounts are exact to the kopeck, shown without
 * kopecks when whole.
 */
public final class ProgressText {
  private ProgressText() {}

  public static String of(TierProgress progress, String locale) {
    boolean russian = !locale.toLowerCase(Locale.ROOT).startsWith("en");
    if (progress.next().isEmpty()) {
      if (progress.current().isEmpty()) {
        return russian ? "В клубе пока нет уровней" : "The club has no tiers yet";
      }
      TierRule held = progress.current().get();
      if (held.invitationOnly()) {
        return russian
            ? "Ваш уровень: " + held.name() + " (по приглашению)"
            : "Your tier: " + held.name() + " (by invitation)";
      }
      // Invitation-only tiers may rank above: this is the top of what spend can reach.
      return russian
          ? "У вас высший уровень по покупкам: " + held.name()
          : held.name() + " is the highest tier reachable by spend";
    }
    String tier = progress.next().get().name();
    Money amount = progress.amountLeft().orElseThrow();
    int categories = progress.categoriesLeft();
    return russian ? russian(tier, amount, categories) : english(tier, amount, categories);
  }

  private static String russian(String tier, Money amount, int categories) {
    boolean money = amount.isPositive();
    if (!money && categories == 0) {
      return "Условия уровня " + tier + " выполнены";
    }
    String cats = categories + " " + russianCategories(categories);
    if (money && categories > 0) {
      return "До " + tier + " осталось " + rubles(amount, ' ', ',') + " и " + cats;
    }
    if (money) {
      return "До " + tier + " осталось " + rubles(amount, ' ', ',');
    }
    return "До " + tier + " " + russianVerb(categories) + " " + cats;
  }

  private static String english(String tier, Money amount, int categories) {
    boolean money = amount.isPositive();
    if (!money && categories == 0) {
      return "You meet the conditions of " + tier;
    }
    String cats = categories + (categories == 1 ? " new category" : " new categories");
    if (money && categories > 0) {
      return rubles(amount, ',', '.') + " and " + cats + " to " + tier;
    }
    return (money ? rubles(amount, ',', '.') : cats) + " to " + tier;
  }

  static String russianCategories(int n) {
    int mod100 = n % 100;
    int mod10 = n % 10;
    if (mod10 == 1 && mod100 != 11) {
      return "новая категория";
    }
    if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
      return "новые категории";
    }
    return "новых категорий";
  }

  private static String russianVerb(int n) {
    int mod100 = n % 100;
    int mod10 = n % 10;
    if (mod10 == 1 && mod100 != 11) {
      return "осталась";
    }
    if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
      return "остались";
    }
    return "осталось";
  }

  static String rubles(Money money, char grouping, char decimal) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator(grouping);
    symbols.setDecimalSeparator(decimal);
    BigDecimal amount = money.amount();
    boolean whole = amount.stripTrailingZeros().scale() <= 0;
    DecimalFormat format = new DecimalFormat(whole ? "#,##0" : "#,##0.00", symbols);
    return format.format(amount) + " ₽";
  }
}
