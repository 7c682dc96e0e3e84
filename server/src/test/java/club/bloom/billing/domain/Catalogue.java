package club.bloom.billing.domain;

import club.bloom.shared.domain.Money;
import java.util.Map;

/** The seeded catalogue, as Liquibase writes it, for unit tests. */
public final class Catalogue {
  public static final Plan FREE =
      new Plan(
          "free",
          "Free",
          1,
          Money.rub("0.00"),
          Map.of(
              Limit.MEMBERS, 500L,
              Limit.PARTNERS_PER_CLUB, 3L,
              Limit.PURCHASES_PER_MONTH, 1000L,
              Limit.API_REQUESTS_PER_SECOND, 10L,
              Limit.CSV_ROWS_PER_DAY, 1000L,
              Limit.STAFF_SEATS, 2L));
  public static final Plan START =
      new Plan(
          "start",
          "Start",
          2,
          Money.rub("4900.00"),
          Map.of(
              Limit.MEMBERS, 5000L,
              Limit.PARTNERS_PER_CLUB, 10L,
              Limit.PURCHASES_PER_MONTH, 20000L,
              Limit.API_REQUESTS_PER_SECOND, 25L,
              Limit.CSV_ROWS_PER_DAY, 20000L,
              Limit.STAFF_SEATS, 5L));
  public static final Plan BUSINESS =
      new Plan(
          "business",
          "Business",
          3,
          Money.rub("19900.00"),
          Map.of(
              Limit.MEMBERS, 50000L,
              Limit.PARTNERS_PER_CLUB, 50L,
              Limit.PURCHASES_PER_MONTH, 250000L,
              Limit.API_REQUESTS_PER_SECOND, 100L,
              Limit.CSV_ROWS_PER_DAY, 250000L,
              Limit.STAFF_SEATS, 25L));
  public static final Plan ENTERPRISE =
      new Plan(
          "enterprise",
          "Enterprise",
          4,
          Money.rub("79900.00"),
          Map.of(Limit.API_REQUESTS_PER_SECOND, 500L));

  private Catalogue() {}

  public static Plan byCode(String code) {
    return switch (code) {
      case "free" -> FREE;
      case "start" -> START;
      case "business" -> BUSINESS;
      case "enterprise" -> ENTERPRISE;
      default -> throw new IllegalArgumentException(code);
    };
  }
}
