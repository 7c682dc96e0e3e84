package club.bloom.rules.domain;

import club.bloom.shared.domain.Money;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What earning rules may look at: the purchase and the member, as known just before the purchase is
 * recorded. Conditions see them under the names below (see {@link #variables()}); the CEL adapter
 * declares the same names with their types, so a misspelt fact is an error when the rule is saved.
 *
 * <pre>
 * name                                 CEL type      meaning
 * purchase.amount                      double        amount in rubles (1500.5)
 * purchase.amount_kopecks              int           exact amount in kopecks (150050)
 * purchase.category                    string        the club's category code
 * purchase.partner                     string        the partner's slug
 * purchase.hour                        int           0-23, in the club's time zone
 * purchase.day_of_week                 int           1 = Monday ... 7 = Sunday, club time zone
 * purchase.date                        string        YYYY-MM-DD, club time zone (compare as text:
 *                                                    purchase.date >= '2026-12-01')
 * member.tier                          string        the member's tier code, "" if none
 * member.days_to_birthday              int           days to the next birthday, 0 = today,
 *                                                    -1 if unknown
 * member.first_in_category_this_month  bool          no purchase in this category yet this month
 * member.purchases_count               int           purchases before this one
 * member.categories_this_month         list(string)  distinct categories of this month's
 *                                                    purchases before this one
 * member.segments                      list(string)  the member's segments
 * </pre>
 *
 * <p>Building the facts of a real purchase is ingestion's job: the local time and "this month" are
 * in the club's time zone, the counts and categories exclude the purchase being recorded (and
 * purchases fully refunded, once refunds exist), and {@link #daysToBirthday} turns a birthday into
 * {@code days_to_birthday}. {@code first_in_category_this_month} is derived from {@code
 * categories_this_month}, so the two can never disagree.
 *
 * @param purchase the purchase being recorded
 * @param member the member, before this purchase
 */
public record PurchaseFacts(Purchase purchase, Member member) {
  public PurchaseFacts {
    Objects.requireNonNull(purchase, "purchase");
    Objects.requireNonNull(member, "member");
  }

  /**
   * The purchase.
   *
   * @param amount the amount paid (RUB)
   * @param category the club's category code
   * @param partner the partner's slug
   * @param localTime when it happened, in the club's time zone
   */
  public record Purchase(Money amount, String category, String partner, LocalDateTime localTime) {
    public Purchase {
      Objects.requireNonNull(amount, "amount");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(partner, "partner");
      Objects.requireNonNull(localTime, "localTime");
    }

    public long amountKopecks() {
      return amount.amount().movePointRight(2).longValueExact();
    }
  }

  /**
   * The member, as before the purchase.
   *
   * @param tier the tier code, {@code ""} if none
   * @param daysToBirthday days until the next birthday (0 = today), -1 if unknown
   * @param purchasesCount purchases before this one
   * @param categoriesThisMonth distinct categories of this month's earlier purchases
   * @param segments the member's segments
   */
  public record Member(
      String tier,
      int daysToBirthday,
      long purchasesCount,
      List<String> categoriesThisMonth,
      List<String> segments) {
    public Member {
      tier = tier == null ? "" : tier;
      if (daysToBirthday < -1 || daysToBirthday > 365) {
        throw new IllegalArgumentException("days to birthday out of range: " + daysToBirthday);
      }
      if (purchasesCount < 0) {
        throw new IllegalArgumentException("negative purchases count: " + purchasesCount);
      }
      categoriesThisMonth = List.copyOf(categoriesThisMonth);
      segments = List.copyOf(segments);
    }
  }

  /** No purchase in the purchase's category yet this month. */
  public boolean firstInCategoryThisMonth() {
    return !member.categoriesThisMonth().contains(purchase.category());
  }

  /**
   * The facts by the names conditions use: {@code purchase} and {@code member}, each a map of its
   * fields. Ints are {@code Long}, as CEL's int is 64 bits.
   */
  public Map<String, Object> variables() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("amount", purchase.amount().amount().doubleValue());
    p.put("amount_kopecks", purchase.amountKopecks());
    p.put("category", purchase.category());
    p.put("partner", purchase.partner());
    p.put("hour", (long) purchase.localTime().getHour());
    p.put("day_of_week", (long) purchase.localTime().getDayOfWeek().getValue());
    p.put("date", purchase.localTime().toLocalDate().toString());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tier", member.tier());
    m.put("days_to_birthday", (long) member.daysToBirthday());
    m.put("first_in_category_this_month", firstInCategoryThisMonth());
    m.put("purchases_count", member.purchasesCount());
    m.put("categories_this_month", member.categoriesThisMonth());
    m.put("segments", member.segments());
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("purchase", p);
    all.put("member", m);
    return all;
  }

  /**
   * Days from {@code today} until the next birthday: 0 on the birthday itself, up to 365. A
   * birthday on 29 February is celebrated on 28 February in years without it.
   */
  public static int daysToBirthday(LocalDate birthday, LocalDate today) {
    LocalDate next = occurrence(MonthDay.from(birthday), today.getYear());
    if (next.isBefore(today)) {
      next = occurrence(MonthDay.from(birthday), today.getYear() + 1);
    }
    return (int) ChronoUnit.DAYS.between(today, next);
  }

  private static LocalDate occurrence(MonthDay birthday, int year) {
    return birthday.isValidYear(year) ? birthday.atYear(year) : LocalDate.of(year, 2, 28);
  }
}
