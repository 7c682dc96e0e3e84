package club.bloom.billing.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;
import java.util.Map;

/** The tenant made more requests than its plan's rate allows (429); retry after a moment. */
public class RateLimited extends BloomException {
  private static final long serialVersionUID = 1L;
  private final transient RateDecision decision;

  public RateLimited(RateDecision decision) {
    super(
        ProblemKind.RATE_LIMITED,
        "rate-limited",
        "Too many requests",
        "The plan allows "
            + decision.limit()
            + " API requests a second for this tenant (apiRequestsPerSecond); retry after "
            + decision.retryAfterSeconds()
            + " s.");
    this.decision = decision;
  }

  @Override
  public Map<String, Object> extensions() {
    return Map.of(
        "limit", Limit.API_REQUESTS_PER_SECOND.contractName(), "allowed", decision.limit());
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Long.toString(decision.retryAfterSeconds()));
  }
}
