package club.bloom.webhooks.domain;

/** Whether an endpoint receives messages. */
public enum EndpointStatus {
  ENABLED,
  /** By its staff, or by Bloom after its deliveries failed for the whole retry window. */
  DISABLED
}
