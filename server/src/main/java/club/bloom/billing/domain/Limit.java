package club.bloom.billing.domain;

import club.bloom.tenancy.domain.TenantKind;
import java.util.Arrays;
import java.util.Optional;

/**
 * A limit a plan sets. Stocks (members, partners, staff seats) limit what a tenant holds at any
 * time; flows (purchases a month, CSV rows a day) limit what it may add within a period; the rate
 * limits requests per second. Names are those of the contract.
 */
public enum Limit {
  MEMBERS("members", "members", Shape.STOCK, true),
  PARTNERS_PER_CLUB("partnersPerClub", "partners", Shape.STOCK, true),
  PURCHASES_PER_MONTH("purchasesPerMonth", "purchases a month", Shape.MONTHLY, false),
  API_REQUESTS_PER_SECOND("apiRequestsPerSecond", "API requests a second", Shape.RATE, false),
  CSV_ROWS_PER_DAY("csvRowsPerDay", "CSV rows a day", Shape.DAILY, false),
  STAFF_SEATS("staffSeats", "staff seats", Shape.STOCK, false);

  /** How a limit is measured. */
  public enum Shape {
    STOCK,
    MONTHLY,
    DAILY,
    RATE
  }

  private final String contractName;
  private final String noun;
  private final Shape shape;
  private final boolean clubsOnly;

  Limit(String contractName, String noun, Shape shape, boolean clubsOnly) {
    this.contractName = contractName;
    this.noun = noun;
    this.shape = shape;
    this.clubsOnly = clubsOnly;
  }

  public String contractName() {
    return contractName;
  }

  /** What is counted, in words: "purchases a month". */
  public String noun() {
    return noun;
  }

  public Shape shape() {
    return shape;
  }

  /** Members and partners are held by clubs; a partner's plan does not limit them. */
  public boolean appliesTo(TenantKind kind) {
    return !clubsOnly || kind == TenantKind.CLUB;
  }

  /** The counter a flow limit is measured with. */
  public Optional<Metric> metric() {
    return switch (this) {
      case PURCHASES_PER_MONTH -> Optional.of(Metric.PURCHASES);
      case CSV_ROWS_PER_DAY -> Optional.of(Metric.CSV_ROWS);
      default -> Optional.empty();
    };
  }

  public static Optional<Limit> byContractName(String name) {
    return Arrays.stream(values()).filter(l -> l.contractName.equals(name)).findFirst();
  }
}
