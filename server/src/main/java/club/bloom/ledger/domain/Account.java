package club.bloom.ledger.domain;

/**
 * The accounts a posting can touch. MEMBER holds the member's points (the sum of their lots); DEBT
 * is what the member owes after a refund took back spent points; the others are the club's side.
 */
public enum Account {
  MEMBER,
  DEBT,
  ISSUANCE,
  REDEMPTION,
  EXPIRY,
  WRITE_OFF
}
