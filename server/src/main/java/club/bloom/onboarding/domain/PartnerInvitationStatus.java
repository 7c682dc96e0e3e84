package club.bloom.onboarding.domain;

import java.util.Locale;

/** Where a club's invitation of a partner stands. {@code EXPIRED} is computed, never stored. */
public enum PartnerInvitationStatus {
  PENDING,
  REDEEMED,
  REVOKED,
  EXPIRED;

  /** The contract's spelling. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
