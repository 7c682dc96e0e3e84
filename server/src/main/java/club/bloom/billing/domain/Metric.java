package club.bloom.billing.domain;

/** What is counted per tenant and period in the usage counters. */
public enum Metric {
  /** Purchases accepted (monthly). */
  PURCHASES,
  /** API requests admitted by the rate limiter (monthly). */
  API_REQUESTS,
  /** CSV rows imported (daily). */
  CSV_ROWS
}
