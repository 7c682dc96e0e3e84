package club.bloom.onboarding.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;
import java.time.Duration;
import java.util.Map;

/** Sign-up is rate limited per client address and per e-mail address (429, Retry-After). */
public class TooManySignUps extends BloomException {
  private static final long serialVersionUID = 1L;
  private final long retryAfterSeconds;

  public TooManySignUps(String detail, Duration retryAfter) {
    super(ProblemKind.RATE_LIMITED, "too-many-signups", "Too many sign-ups", detail);
    this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Long.toString(retryAfterSeconds));
  }

  @Override
  public Map<String, Object> extensions() {
    return Map.of("retryAfterSeconds", retryAfterSeconds);
  }
}
