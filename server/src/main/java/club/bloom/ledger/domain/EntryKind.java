package club.bloom.ledger.domain;

/** What a journal entry does. */
public enum EntryKind {
  ACCRUAL,
  REVERSAL,
  REDEMPTION,
  EXPIRY
}
