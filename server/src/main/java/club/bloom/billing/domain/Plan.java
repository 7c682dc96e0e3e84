package club.bloom.billing.domain;

import club.bloom.shared.domain.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A plan of the catalogue (platform schema): its monthly price and its limits. Plans are data:
 * Liquibase seeds Free, Start, Business and Enterprise; a limit that is NULL is unlimited.
 */
@Entity
@Table(schema = "platform", name = "plan")
public class Plan {
  @Id private String code;
  private String name;
  private int position;

  @Column(name = "price_amount")
  private BigDecimal priceAmount;

  @Column(name = "price_currency")
  private String priceCurrency;

  @Column(name = "members_limit")
  private Long membersLimit;

  @Column(name = "partners_per_club_limit")
  private Long partnersPerClubLimit;

  @Column(name = "purchases_per_month_limit")
  private Long purchasesPerMonthLimit;

  @Column(name = "api_requests_per_second_limit")
  private Long apiRequestsPerSecondLimit;

  @Column(name = "csv_rows_per_day_limit")
  private Long csvRowsPerDayLimit;

  @Column(name = "staff_seats_limit")
  private Long staffSeatsLimit;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Plan() {}

  /** A plan with these limits (absent from the map: unlimited). */
  public Plan(String code, String name, int position, Money price, Map<Limit, Long> limits) {
    this.code = code;
    this.name = name;
    this.position = position;
    this.priceAmount = price.amount();
    this.priceCurrency = price.currency();
    this.membersLimit = limits.get(Limit.MEMBERS);
    this.partnersPerClubLimit = limits.get(Limit.PARTNERS_PER_CLUB);
    this.purchasesPerMonthLimit = limits.get(Limit.PURCHASES_PER_MONTH);
    this.apiRequestsPerSecondLimit = limits.get(Limit.API_REQUESTS_PER_SECOND);
    this.csvRowsPerDayLimit = limits.get(Limit.CSV_ROWS_PER_DAY);
    this.staffSeatsLimit = limits.get(Limit.STAFF_SEATS);
    this.createdAt = Instant.EPOCH;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public int position() {
    return position;
  }

  /** The price of a whole calendar month. */
  public Money monthlyPrice() {
    return new Money(priceAmount, priceCurrency);
  }

  /** The plan's own limits, without any override. */
  public Limits limits() {
    Map<Limit, Long> limits = new EnumMap<>(Limit.class);
    put(limits, Limit.MEMBERS, membersLimit);
    put(limits, Limit.PARTNERS_PER_CLUB, partnersPerClubLimit);
    put(limits, Limit.PURCHASES_PER_MONTH, purchasesPerMonthLimit);
    put(limits, Limit.API_REQUESTS_PER_SECOND, apiRequestsPerSecondLimit);
    put(limits, Limit.CSV_ROWS_PER_DAY, csvRowsPerDayLimit);
    put(limits, Limit.STAFF_SEATS, staffSeatsLimit);
    return new Limits(limits);
  }

  private static void put(Map<Limit, Long> limits, Limit limit, Long value) {
    if (value != null) {
      limits.put(limit, value);
    }
  }
}
