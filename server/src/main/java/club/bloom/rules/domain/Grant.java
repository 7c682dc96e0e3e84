package club.bloom.rules.domain;

/**
 * Points a rule grants for a purchase, for the ledger to post: whole points (rounded down) in a
 * currency of the club, expiring {@code expiresInDays} after the purchase (never if null).
 *
 * <p>Cross-credits (the Bloom&amp;Care rule granting credits at partner A) are usable only at other
 * partners; that restriction is the ledger's, enforced at redemption, not the rule's.
 */
public record Grant(
    String ruleCode, String currency, long points, Integer expiresInDays, String explanation) {
  public Grant {
    if (points <= 0) {
      throw new IllegalArgumentException("a grant is at least one point: " + points);
    }
  }
}
