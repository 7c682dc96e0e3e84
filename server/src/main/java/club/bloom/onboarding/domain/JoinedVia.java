package club.bloom.onboarding.domain;

/** How a partner became a partner of a club. */
public enum JoinedVia {
  /** The platform operator linked it. */
  OPERATOR,
  /** The partner redeemed the club's invitation code. */
  INVITATION,
  /** The club approved the partner's request to join. */
  REQUEST;

  /** The contract's spelling. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
