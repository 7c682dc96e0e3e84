package club.bloom.onboarding.domain;

import java.util.Locale;

/** Where a partner's request to join a club stands. */
public enum JoinRequestStatus {
  PENDING,
  APPROVED,
  DECLINED;

  /** The contract's spelling. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
