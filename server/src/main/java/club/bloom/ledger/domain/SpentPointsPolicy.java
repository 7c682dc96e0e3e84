package club.bloom.ledger.domain;

/**
 * What a refund does with points the member has already spent: keep them as the member's debt,
 * repaid first from future earnings and blocking redemption meanwhile, or write them off at the
 * club's cost. Never a negative balance.
 */
public enum SpentPointsPolicy {
  DEBT,
  WRITE_OFF
}
